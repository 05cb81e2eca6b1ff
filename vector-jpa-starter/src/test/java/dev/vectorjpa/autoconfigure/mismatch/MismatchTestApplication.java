package dev.vectorjpa.autoconfigure.mismatch;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * An application whose vector mapping does not match the database.
 */
@SpringBootApplication
public class MismatchTestApplication {

}
