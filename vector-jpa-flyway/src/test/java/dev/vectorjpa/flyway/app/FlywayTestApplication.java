package dev.vectorjpa.flyway.app;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A Spring Boot application whose schema Flyway owns.
 */
@SpringBootApplication
public class FlywayTestApplication {

}
