-- Get-or-create; an existing sensor keeps its department (the caller checks for a conflict).
WITH inserted AS (
    INSERT INTO sensor (sensor_serial, department_id) VALUES (:#serial, :#departmentId)
    ON CONFLICT (sensor_serial) DO NOTHING
    RETURNING sensor_id, department_id
)
SELECT sensor_id, department_id FROM inserted
UNION ALL
SELECT sensor_id, department_id FROM sensor WHERE sensor_serial = :#serial
LIMIT 1
