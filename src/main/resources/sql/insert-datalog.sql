INSERT INTO datalog (create_at, product_id, sensor_id, product_expire, file_id)
VALUES (:#createAt, :#productId, :#sensorId, :#productExpire, :#fileId)
