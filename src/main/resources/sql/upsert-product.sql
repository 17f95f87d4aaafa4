-- Get-or-create of a batch of product names; see upsert-department.sql.
WITH wanted AS (
    SELECT DISTINCT name FROM unnest(CAST(:#names AS text[])) AS name
), inserted AS (
    INSERT INTO product (product_name)
    SELECT name FROM wanted ORDER BY name
    ON CONFLICT (product_name) DO NOTHING
    RETURNING product_id AS id, product_name AS name
)
SELECT id, name FROM inserted
UNION ALL
SELECT p.product_id, p.product_name FROM product p JOIN wanted ON p.product_name = wanted.name
