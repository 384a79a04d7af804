package scot.goldenthread.shared;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** What a page or the API answers when what was asked for is not there: a 404 with the reason. */
public final class NotFound {

	private NotFound() {
	}

	public static ResponseStatusException because(String reason) {
		return new ResponseStatusException(HttpStatus.NOT_FOUND, reason);
	}

}
