package scot.goldenthread.plans;

import java.util.Arrays;
import java.util.Optional;

/** The files a plan is exchanged in. */
public enum PlanFormat {

	YAML("yaml", "application/yaml", "yaml"), JSON("json", "application/json", "json"),
	XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");

	private final String code;

	private final String contentType;

	private final String extension;

	PlanFormat(String code, String contentType, String extension) {
		this.code = code;
		this.contentType = contentType;
		this.extension = extension;
	}

	public String code() {
		return this.code;
	}

	public String contentType() {
		return this.contentType;
	}

	public String extension() {
		return this.extension;
	}

	public static Optional<PlanFormat> of(String code) {
		return Arrays.stream(values()).filter((format) -> format.code.equalsIgnoreCase(code)).findFirst();
	}

	/** The format a file's name says it is in (".yml" counts as YAML). */
	public static Optional<PlanFormat> ofFileName(String name) {
		if (name == null) {
			return Optional.empty();
		}
		String lower = name.toLowerCase();
		return lower.endsWith(".yml") ? Optional.of(YAML)
				: of(lower.substring(lower.lastIndexOf('.') + 1));
	}

}
