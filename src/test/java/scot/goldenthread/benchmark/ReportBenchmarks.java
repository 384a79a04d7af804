package scot.goldenthread.benchmark;

import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import scot.goldenthread.plans.ExpectedOutcome;
import scot.goldenthread.plans.Plan;
import scot.goldenthread.plans.PlanLevels;
import scot.goldenthread.plans.PlanStatus;
import scot.goldenthread.plans.PlanType;
import scot.goldenthread.reports.ProgressReport;
import scot.goldenthread.reports.ReportFormat;
import scot.goldenthread.reports.ReportWriter;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Report generation for a plan of 500 actions with long notes, in each format (README, "Benchmarks"),
 * against a baseline in the same run: the same rows written as plain text, the least any format can do.
 */
@Tag("benchmark")
@SpringBootTest
class ReportBenchmarks {

	static final int ACTIONS = 500;

	static final int RUNS = 3;

	@Autowired
	ReportWriter writer;

	/** Ten priorities of fifty actions, each note about 1,600 characters of paragraphs and bullets. */
	static ProgressReport report() {
		Plan plan = new Plan(1, "BENCH-2025-26", "Benchmark Business Plan 2025-26", PlanType.BUSINESS_PLAN, null, null, "Director",
				LocalDate.of(2025, 4, 1), LocalDate.of(2026, 3, 31), PlanStatus.APPROVED, null, null, List.of(), null, PlanLevels.PRODUCT);
		String paragraph = "Progress this period has been steady across the partnership, with the working group meeting monthly "
				+ "and reporting to the board; the evaluation framework has been agreed and baseline data collected. ";
		String note = paragraph + paragraph + "\n\nWhat has been done:\n- " + paragraph + "\n- " + paragraph + "\n- " + paragraph
				+ "\n\nNext steps: " + paragraph + paragraph;
		ExpectedOutcome[] outcomes = { ExpectedOutcome.ON_TRACK, ExpectedOutcome.AT_RISK, ExpectedOutcome.COMPLETED, null };
		List<ProgressReport.Group> groups = new ArrayList<>();
		for (int g = 0; g < 10; g++) {
			List<ProgressReport.Row> rows = new ArrayList<>();
			for (int a = 0; a < ACTIONS / 10; a++) {
				int n = g * (ACTIONS / 10) + a + 1;
				rows.add(new ProgressReport.Row("BEN %03d".formatted(n), "Deliver improvement action " + n
						+ " with partners, so that outcomes improve for the people of the area most affected by poverty.",
						LocalDate.of(2026, 3, 31), null, (n * 7) % 101, outcomes[n % 4], note, List.of("Service Manager " + (n % 12)), null, null, null, null));
			}
			groups.add(new ProgressReport.Group(g, List.of(), "Priority - Benchmark priority " + (g + 1) + ": we will improve outcomes", rows, List.of()));
		}
		return new ProgressReport(plan, plan.title(), List.of(), "As at today", LocalDateTime.now(), false, groups);
	}

	@Test
	void fiveHundredActionsInEveryFormat() {
		ProgressReport report = report();
		assertThat(report.rows()).hasSize(ACTIONS);
		double baseline = median(() -> {
			StringBuilder text = new StringBuilder();
			report.rows().forEach((r) -> text.append(r.code()).append('\t').append(r.title()).append('\t').append(r.note()).append('\n'));
			return text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
		});
		System.out.printf("%nBENCHMARK progress report of %d actions with %,d-character notes (heap limit %,d MB)%n", ACTIONS,
				report.rows().get(0).note().length(), Runtime.getRuntime().maxMemory() >> 20);
		System.out.printf("  baseline, the rows as plain text: %.2f ms%n", baseline * 1000);
		for (ReportFormat format : ReportFormat.values()) {
			int[] size = new int[1];
			double seconds = median(() -> {
				ByteArrayOutputStream out = new ByteArrayOutputStream();
				this.writer.write(report, format, out);
				size[0] = out.size();
				return size[0];
			});
			System.out.printf("  %-4s %6.2f s, %,9d bytes, %,.0f times the baseline%n", format.extension(), seconds, size[0], seconds / baseline);
		}
	}

	interface Run {

		int bytes() throws Exception;

	}

	/** The median of a few timed runs after one that warms up. */
	static double median(Run run) {
		try {
			run.bytes();
			double[] times = new double[RUNS];
			for (int i = 0; i < RUNS; i++) {
				long start = System.nanoTime();
				run.bytes();
				times[i] = (System.nanoTime() - start) / 1e9;
			}
			Arrays.sort(times);
			return times[RUNS / 2];
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
