package dev.vectorjpa.autoconfigure.replica;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A Spring Boot JPA application with a read replica ({@code vector-jpa.read-replica.*}).
 */
@SpringBootApplication
public class ReplicaTestApplication {

}
