package scot.goldenthread.database;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Why a backup was not restored, said at start-up in plain words rather than as a stack trace. */
class RestoreRefused extends RuntimeException {

	RestoreRefused(String message) {
		super(message);
	}

	RestoreRefused(String message, Throwable cause) {
		super(message, cause);
	}

	static class Analyzer extends AbstractFailureAnalyzer<RestoreRefused> {

		@Override
		protected FailureAnalysis analyze(Throwable rootFailure, RestoreRefused cause) {
			return new FailureAnalysis(cause.getMessage(), "Nothing of the backup was kept. Start again with goldenthread.restore-from "
					+ "naming a whole backup and goldenthread.data-dir (or spring.datasource.url) naming an empty database.", cause);
		}

	}

}
