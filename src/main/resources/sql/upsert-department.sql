-- Get-or-create. DO NOTHING (not DO UPDATE) so an existing row is neither rewritten nor locked;
-- RETURNING gives no row for an existing key, so the SELECT branch supplies it.
WITH inserted AS (
    INSERT INTO department (department_name) VALUES (:#${body})
    ON CONFLICT (department_name) DO NOTHING
    RETURNING department_id
)
SELECT department_id FROM inserted
UNION ALL
SELECT department_id FROM department WHERE department_name = :#${body}
LIMIT 1
