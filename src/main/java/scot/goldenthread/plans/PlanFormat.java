package scot.goldenthread.plans;

import java.util.Optional;

import scot.goldenthread.shared.Coded;

/** The files a plan is exchanged in; the code is also the file extension. */
public enum PlanFormat implements Coded {

	YAML("application/yaml"), JSON("application/json"),
	XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private final String contentType;

	PlanFormat(String contentType) {
		this.contentType = contentType;
	}

	public String contentType() {
		return this.contentType;
	}

	public static Optional<PlanFormat> of(String code) {
		return Coded.of(PlanFormat.class, (code != null) ? code.toLowerCase(java.util.Locale.ROOT) : null);
	}

	/** The format a file's name says it is in (".yml" counts as YAML). */
	public static Optional<PlanFormat> ofFileName(String name) {
		if (name == null) {
			return Optional.empty();
		}
		String lower = name.toLowerCase(java.util.Locale.ROOT);
		return lower.endsWith(".yml") ? Optional.of(YAML) : of(lower.substring(lower.lastIndexOf('.') + 1));
	}

}
