package scot.goldenthread.partnerships;

public record Partnership(long id, String code, String name, Kind kind, String parentCode, String area,
		String description) {

	public enum Kind {

		COMMUNITY_PLANNING_PARTNERSHIP("community-planning-partnership", "Community Planning Partnership"),
		LEADERSHIP_GROUP("leadership-group", "Leadership group"), THEMATIC("thematic", "Thematic partnership"),
		PLACE_BASED("place-based", "Place-based partnership");

		private final String code;

		private final String label;

		Kind(String code, String label) {
			this.code = code;
			this.label = label;
		}

		public String code() {
			return this.code;
		}

		public String label() {
			return this.label;
		}

		public static Kind of(String code) {
			return java.util.Arrays.stream(values())
				.filter((k) -> k.code.equals(code))
				.findFirst()
				.orElseThrow(() -> new IllegalArgumentException("Unknown partnership kind " + code));
		}

	}

}
