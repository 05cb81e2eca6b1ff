package dev.vectorjpa.reliability;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL cluster of its own under {@code /tmp}, on a free port, that a test may restart: built from the
 * server binaries installed here ({@code pg_config --bindir}, or {@code /usr/lib/postgresql/<n>/bin}) and run as
 * {@code postgres} when the test runs as root. The shared test server is never restarted.
 */
final class ThrowawayCluster implements AutoCloseable {

	private final Path bin;

	private final Path directory;

	private final int port;

	ThrowawayCluster() throws Exception {
		this.bin = binaries();
		this.directory = Files.createTempDirectory("vjpa-throwaway-pg");
		this.port = freePort();
		if (isRoot()) {
			run("chown", "-R", "postgres", this.directory.toString());
		}
		pg("initdb", "-D", data(), "-A", "trust", "-U", "postgres", "--no-sync");
		start();
		run(asPostgres(this.bin.resolve("psql").toString(), "-h", this.directory.toString(), "-p",
				String.valueOf(this.port), "-U", "postgres", "-d", "postgres", "-c", "CREATE EXTENSION vector"));
	}

	String jdbcUrl() {
		return "jdbc:postgresql://localhost:" + this.port + "/postgres?user=postgres";
	}

	void restart() throws Exception {
		pg("pg_ctl", "-D", data(), "-w", "-m", "fast", "restart", "-o", options(), "-l", log());
	}

	private void start() throws Exception {
		pg("pg_ctl", "-D", data(), "-w", "start", "-o", options(), "-l", log());
	}

	private String options() {
		return "-p " + this.port + " -k " + this.directory + " -c listen_addresses=localhost -c fsync=off";
	}

	@Override
	public void close() throws Exception {
		try {
			pg("pg_ctl", "-D", data(), "-w", "-m", "immediate", "stop");
		}
		finally {
			try (Stream<Path> files = Files.walk(this.directory)) {
				files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
			}
		}
	}

	private String data() {
		return this.directory.resolve("data").toString();
	}

	private String log() {
		return this.directory.resolve("server.log").toString();
	}

	private void pg(String tool, String... args) throws Exception {
		List<String> command = new ArrayList<>();
		command.add(this.bin.resolve(tool).toString());
		command.addAll(List.of(args));
		run(asPostgres(command.toArray(String[]::new)));
	}

	private static String[] asPostgres(String... command) {
		if (!isRoot()) {
			return command;
		}
		List<String> wrapped = new ArrayList<>(List.of("runuser", "-u", "postgres", "--"));
		wrapped.addAll(List.of(command));
		return wrapped.toArray(String[]::new);
	}

	private static void run(String... command) throws Exception {
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes());
		if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
			throw new IllegalStateException("Failed (" + String.join(" ", command) + "): " + output);
		}
	}

	private static boolean isRoot() {
		return "root".equals(System.getProperty("user.name"));
	}

	private static Path binaries() throws IOException, InterruptedException {
		try {
			Process process = new ProcessBuilder("pg_config", "--bindir").start();
			String dir = new String(process.getInputStream().readAllBytes()).trim();
			if (process.waitFor() == 0 && Files.isExecutable(Path.of(dir, "pg_ctl"))) {
				return Path.of(dir);
			}
		}
		catch (IOException ex) {
			// no pg_config on the path: look for the Debian layout below
		}
		Path root = Path.of("/usr/lib/postgresql");
		if (Files.isDirectory(root)) {
			try (Stream<Path> versions = Files.list(root)) {
				Path found = versions.map((version) -> version.resolve("bin"))
					.filter((bin) -> Files.isExecutable(bin.resolve("pg_ctl")))
					.max(Comparator.naturalOrder())
					.orElse(null);
				if (found != null) {
					return found;
				}
			}
		}
		throw new IllegalStateException("The restart test needs PostgreSQL server binaries with pgvector (initdb, "
				+ "pg_ctl) on this machine: put pg_config on the PATH");
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
