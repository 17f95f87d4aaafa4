-- Get-or-create of a batch of sensors, each with the department the file places it in; see
-- upsert-department.sql. An existing sensor keeps its own department: the caller compares.
WITH wanted AS (
    SELECT serial, department_id
    FROM unnest(CAST(:#serials AS text[]), CAST(:#departmentIds AS integer[])) AS w (serial, department_id)
), inserted AS (
    INSERT INTO sensor (sensor_serial, department_id)
    SELECT serial, department_id FROM wanted ORDER BY serial
    ON CONFLICT (sensor_serial) DO NOTHING
    RETURNING sensor_id AS id, sensor_serial AS serial, department_id
)
SELECT id, serial, department_id FROM inserted
UNION ALL
SELECT s.sensor_id, s.sensor_serial, s.department_id FROM sensor s JOIN wanted ON s.sensor_serial = wanted.serial
