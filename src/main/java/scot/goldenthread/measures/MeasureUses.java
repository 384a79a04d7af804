package scot.goldenthread.measures;

import java.util.List;

/** The plan elements that use a measure, as the plans capability answers it. */
public interface MeasureUses {

	List<Use> of(String measureCode);

	record Use(long planId, String planTitle, long elementId, String elementCode, String kind, String elementTitle) {
	}

}
