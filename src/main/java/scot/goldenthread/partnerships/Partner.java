package scot.goldenthread.partnerships;

public record Partner(long id, String code, String name, boolean statutory, String description) {
}
