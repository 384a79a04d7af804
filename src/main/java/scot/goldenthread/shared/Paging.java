package scot.goldenthread.shared;

import java.util.List;

/**
 * The page of a list that is shown: the page asked for (from 1) kept within the pages there are, each of
 * {@code size} items, of {@code total} in all.
 */
public record Paging(int page, int size, long total) {

	public static Paging of(int asked, int size, long total) {
		int pages = (int) Math.max(1, (total + size - 1) / size);
		return new Paging(Math.min(Math.max(asked, 1), pages), size, total);
	}

	public int pages() {
		return (int) Math.max(1, (this.total + this.size - 1) / this.size);
	}

	/** How many items come before this page's first. */
	public int offset() {
		return (this.page - 1) * this.size;
	}

	/** Where this page starts and ends among them all, counting from 1. */
	public long first() {
		return Math.min(this.total, offset() + 1L);
	}

	public long last() {
		return Math.min(this.total, (long) this.page * this.size);
	}

	/** This page's items of the whole list. */
	public <T> List<T> of(List<T> all) {
		return all.subList(Math.min(all.size(), offset()), Math.min(all.size(), offset() + this.size));
	}

}
