package scot.goldenthread.opendata;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import jakarta.annotation.PreDestroy;

import scot.goldenthread.audit.TableVersions;
import scot.goldenthread.measures.Observations;

import org.springframework.stereotype.Component;

/**
 * Every published value as one CSV file, made once after each change to the values or the measures and then sent
 * as a file: the first download after a change has PostgreSQL write it ({@link Observations#copyPublished}) into the
 * file, and it and every later one are sent from the file.
 */
@Component
class WholeValuesFile {

	private static final Set<String> MADE_FROM = Set.of("observation", "measure");

	private final Observations observations;

	private final TableVersions versions;

	private final Path directory;

	/** The file as last made, and the versions of what it was made from. */
	private record Made(String versions, Path file) {
	}

	private volatile Made made = new Made("", null);

	WholeValuesFile(Observations observations, TableVersions versions) throws IOException {
		this.observations = observations;
		this.versions = versions;
		this.directory = Files.createTempDirectory("golden-thread-open-data");
	}

	/** The file goes with the application. */
	@PreDestroy
	void close() {
		if (this.made.file() != null) {
			delete(this.made.file());
		}
		delete(this.directory);
	}

	void sendTo(OutputStream out) throws IOException {
		Path file = current();
		Files.copy(file, out);
	}

	/** The file for the values as they stand; one download makes it while any other waits for it. */
	private synchronized Path current() throws IOException {
		String now = this.versions.now().tag(MADE_FROM);
		Made last = this.made;
		if (last.versions().equals(now) && Files.exists(last.file())) {
			return last.file();
		}
		Path file = Files.createTempFile(this.directory, "observations", ".csv");
		try (OutputStream out = Files.newOutputStream(file)) {
			this.observations.copyPublished(Observations.Selection.ALL, this.observations.publishedDimensions(Observations.Selection.ALL), out);
		}
		this.made = new Made(now, file);
		if (last.file() != null) {
			// a download still sending it keeps reading what it opened
			delete(last.file());
		}
		return file;
	}

	private static void delete(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
