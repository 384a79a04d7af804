package scot.goldenthread.shared;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Whether the application is still loading the demo data on its first start: the site answers meanwhile, and every
 * page says so rather than looking empty, and none is kept.
 */
@Component
public class FirstLoad {

	private volatile boolean loading;

	FirstLoad(@Value("${goldenthread.demo-data:false}") boolean demo) {
		// from the start, before the loader has looked: the server answers before it runs
		this.loading = demo;
	}

	public boolean loading() {
		return this.loading;
	}

	public void finished() {
		this.loading = false;
	}

}
