-- Get-or-create of a batch of department names (the array in header `names`); returns (id, name) for every name.
-- DO NOTHING (not DO UPDATE): an existing row is neither rewritten nor locked. RETURNING gives
-- only the new rows; the second branch gives the existing ones (the statement's snapshot does
-- not show the rows it inserts, so no name comes twice). Names are inserted in order, so two
-- loaders inserting overlapping names cannot deadlock on the unique index.
WITH wanted AS (
    SELECT DISTINCT name FROM unnest(CAST(:#names AS text[])) AS name
), inserted AS (
    INSERT INTO department (department_name)
    SELECT name FROM wanted ORDER BY name
    ON CONFLICT (department_name) DO NOTHING
    RETURNING department_id AS id, department_name AS name
)
SELECT id, name FROM inserted
UNION ALL
SELECT d.department_id, d.department_name FROM department d JOIN wanted ON d.department_name = wanted.name
