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

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every published value as one CSV file, made once after each change to the values or the measures and then sent
 * as a file: PostgreSQL writes it ({@link Observations#copyPublished}) into the file, ahead of the first download
 * once the changes have stopped, or for a download that comes before that; every download is sent from the file.
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

	/** The versions the last look ahead saw. */
	private volatile String seen = "";

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

	/**
	 * Makes the file ahead of the first download after a change, once the values and measures have stood unchanged
	 * from one look to the next, so that an import is not written out halfway through.
	 */
	@Scheduled(initialDelayString = "${goldenthread.open-data.make-ahead-every}", fixedDelayString = "${goldenthread.open-data.make-ahead-every}")
	void makeAhead() throws IOException {
		String now = this.versions.now().tag(MADE_FROM);
		if (now.equals(this.seen) && !now.equals(this.made.versions())) {
			current();
		}
		this.seen = now;
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
