package dev.vectorjpa.sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.springframework.util.FileSystemUtils;

/**
 * A headless Debian chromium driven by Debian's chromedriver (scripts/test.sh installs both), with a fresh profile.
 */
final class Browser implements AutoCloseable {

	final WebDriver driver;

	private final Path profile;

	Browser() throws IOException {
		this.profile = Files.createTempDirectory("vector-jpa-chromium");
		ChromeOptions options = new ChromeOptions();
		options.setBinary("/usr/bin/chromium");
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
				"--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--window-size=1200,900", "--user-data-dir=" + this.profile);
		// the driver is named explicitly: Selenium Manager would try to download one
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile())
			.build();
		this.driver = new ChromeDriver(service, options);
	}

	/** The texts of the elements matching {@code selector}, read in one script (the page may re-render meanwhile). */
	@SuppressWarnings("unchecked")
	List<String> texts(String selector) {
		return (List<String>) ((JavascriptExecutor) this.driver).executeScript(
				"return Array.from(document.querySelectorAll(arguments[0])).map((e) => e.textContent)", selector);
	}

	@Override
	public void close() {
		this.driver.quit();
		FileSystemUtils.deleteRecursively(this.profile.toFile());
	}

}
