package scot.goldenthread.measures;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Places as councils' files give them: by code, by any of their names, by an old code; and the nearest names when none matches. */
class PlaceNamesTests {

	static final PlaceNames PLACES = new PlaceNames(
			Map.of("S12000036", "City of Edinburgh", "S12000013", "Na h-Eileanan Siar", "S12000035", "Argyll and Bute", "S12000047", "Fife",
					"S12000049", "Glasgow City", "S12000042", "Dundee City", "S02000001", "Dundee West", "S02000002", "Dundee West"),
			Map.of(),
			Map.of("eilean siar", "S12000013", "s12000015", "S12000047", "s12000046", "S12000049"));

	static PlaceNames.Found find(String text) {
		return PLACES.find(text);
	}

	@Test
	void aPlaceIsFoundByItsCodeItsNamesAsCouncilsWriteThemOrAnOldCode() {
		assertThat(find("S12000036").code()).isEqualTo("S12000036");
		assertThat(find("Edinburgh City").code()).isEqualTo("S12000036");
		assertThat(find("City of Edinburgh Council").code()).isEqualTo("S12000036");
		assertThat(find("Argyll & Bute").code()).isEqualTo("S12000035");
		assertThat(find("Eilean Siar").code()).isEqualTo("S12000013");
		assertThat(find("na h-eileanan siar").code()).isEqualTo("S12000013");
		assertThat(find("Glasgow").code()).isEqualTo("S12000049");
		// Fife before 2018, Glasgow before 2019
		assertThat(find("S12000015").code()).isEqualTo("S12000047");
		assertThat(find("S12000046").code()).isEqualTo("S12000049");
		assertThat(find("Dundee City").code()).isEqualTo("S12000042");
	}

	@Test
	void aNameThatMatchesNothingSuggestsTheNearestAndOneThatMatchesTwoNamesBoth() {
		assertThat(find("Edinbrugh").problem()).isEqualTo("'Edinbrugh' is not a known place code or name; did you mean City of Edinburgh?");
		assertThat(find("Atlantis").problem()).isEqualTo("'Atlantis' is not a known place code or name");
		assertThat(find("S99999999").problem()).isEqualTo("'S99999999' is not a known geography code");
		assertThat(find("Dundee West").problem()).startsWith("'Dundee West' is the name of more than one place: Dundee West (S0200000")
			.endsWith("; give its code");
		assertThat(find("").problem()).isEqualTo("is empty");
		assertThat(PlaceNames.distance("kitten", "sitting")).isEqualTo(3);
	}


	@Test
	void aNameOfPlacesAtSeveralLevelsMeansTheWidest() {
		// Highland is a council, a ward and an intermediate zone
		PlaceNames places = new PlaceNames(Map.of("S12000017", "Highland", "S13002999", "Highland", "S02002999", "Highland"),
				Map.of("S12000017", "council-area", "S13002999", "ward", "S02002999", "intermediate-zone"), Map.of());
		assertThat(places.find("Highland").code()).isEqualTo("S12000017");
	}

}
