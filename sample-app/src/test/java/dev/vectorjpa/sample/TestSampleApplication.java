package dev.vectorjpa.sample;

import org.springframework.boot.SpringApplication;

/**
 * Runs the sample application against a throw-away pgvector container ({@code ./mvnw -pl sample-app
 * spring-boot:test-run}, Docker required).
 */
public class TestSampleApplication {

	public static void main(String[] args) {
		SpringApplication.from(SampleApplication::main).with(TestcontainersConfiguration.class).run(args);
	}

}
