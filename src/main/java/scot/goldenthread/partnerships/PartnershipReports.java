package scot.goldenthread.partnerships;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;

/** The committee reports of partnerships' plans, as the reports capability answers it, for the pages that list the plans. */
public interface PartnershipReports {

	/** The latest committee report of each of these plans that has one, by plan; the plans are ones the reader may see. */
	Map<Long, ReportLink> latestOf(Collection<Long> planIds);

	record ReportLink(long id, String subject, String reportTo, LocalDate meetingDate) {
	}

}
