package scot.goldenthread.nationaloutcomes;

/** One of the National Performance Framework's national outcomes, shipped as reference data. */
public record NationalOutcome(String code, String name, String statement) {
}
