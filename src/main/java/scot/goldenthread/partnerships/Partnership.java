package scot.goldenthread.partnerships;

import scot.goldenthread.shared.Coded;

public record Partnership(long id, String code, String name, Kind kind, String parentCode, String area,
		String description) {

	public enum Kind implements Coded {

		COMMUNITY_PLANNING_PARTNERSHIP("Community Planning Partnership"), LEADERSHIP_GROUP("Leadership group"),
		THEMATIC("Thematic partnership"), PLACE_BASED("Place-based partnership");

		private final String label;

		Kind(String label) {
			this.label = label;
		}

		public String label() {
			return this.label;
		}

		public static Kind of(String code) {
			return Coded.of(Kind.class, code).orElseThrow(() -> new IllegalArgumentException("Unknown partnership kind " + code));
		}

	}

}
