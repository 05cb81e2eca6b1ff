package dev.vectorjpa.autoconfigure.app;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A Spring Boot JPA application whose only vector-jpa setup is the starter on the classpath.
 */
@SpringBootApplication
public class StarterTestApplication {

}
