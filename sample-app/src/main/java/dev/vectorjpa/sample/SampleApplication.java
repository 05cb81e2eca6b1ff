package dev.vectorjpa.sample;

import org.springframework.boot.CommandLineRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Sample application (placeholder until the repository support lands): creates a vector table, inserts and queries.
 */
@SpringBootApplication
public class SampleApplication {

	public static void main(String[] args) {
		SpringApplication.run(SampleApplication.class, args);
	}

	@Bean
	CommandLineRunner demo(JdbcTemplate jdbc) {
		return (args) -> {
			jdbc.execute("CREATE EXTENSION IF NOT EXISTS vector");
			jdbc.execute("DROP TABLE IF EXISTS sample_items");
			jdbc.execute("CREATE TABLE sample_items (id bigserial PRIMARY KEY, name text, embedding vector(3))");
			jdbc.update("INSERT INTO sample_items (name, embedding) VALUES (?, ?::vector), (?, ?::vector), (?, ?::vector)",
					"red", "[1,0,0]", "green", "[0,1,0]", "blue", "[0,0,1]");
			jdbc.query("SELECT name, embedding <-> ?::vector AS distance FROM sample_items ORDER BY embedding <-> ?::vector LIMIT 3",
					(rs) -> {
						System.out.printf("%-6s %.4f%n", rs.getString(1), rs.getDouble(2));
					}, "[0.9,0.2,0]", "[0.9,0.2,0]");
		};
	}

}
