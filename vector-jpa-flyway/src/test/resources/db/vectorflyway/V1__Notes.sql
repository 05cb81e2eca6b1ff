CREATE EXTENSION IF NOT EXISTS vector;
CREATE TABLE notes (id bigint PRIMARY KEY, body text NOT NULL, domain_id varchar(100) NOT NULL, embedding vector(3));
