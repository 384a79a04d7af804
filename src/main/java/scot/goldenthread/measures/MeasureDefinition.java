package scot.goldenthread.measures;

/** A measure as a plan names it: its code, title and which way is good. */
public record MeasureDefinition(String code, String title, Polarity polarity) {
}
