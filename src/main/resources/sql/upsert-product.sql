-- Get-or-create; see upsert-department.sql.
WITH inserted AS (
    INSERT INTO product (product_name) VALUES (:#${body})
    ON CONFLICT (product_name) DO NOTHING
    RETURNING product_id
)
SELECT product_id FROM inserted
UNION ALL
SELECT product_id FROM product WHERE product_name = :#${body}
LIMIT 1
