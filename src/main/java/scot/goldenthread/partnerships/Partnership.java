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

	/** The code of the council area the partnership covers, where its area names one ("Clackmannanshire (S12000005)"). */
	public String councilAreaCode() {
		java.util.regex.Matcher code = java.util.regex.Pattern.compile("\\((S12\\d{6})\\)").matcher((this.area != null) ? this.area : "");
		return code.find() ? code.group(1) : null;
	}

}
