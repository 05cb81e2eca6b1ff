package dev.vectorjpa.autoconfigure.partitions;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A Spring Boot JPA application whose domain-scoped table is partitioned per domain.
 */
@SpringBootApplication
public class PartitionsTestApplication {

}
