CREATE TABLE flyway_article (id bigint PRIMARY KEY, title varchar(255), embedding vector(3));
INSERT INTO flyway_article VALUES (1, 'red', '[1,0,0]'), (2, 'green', '[0,1,0]'), (3, 'blue', '[0,0,1]');
