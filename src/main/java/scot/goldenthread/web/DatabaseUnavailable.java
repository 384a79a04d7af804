package scot.goldenthread.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The database not answering is told as 503 wherever it shows, in a filter (the sign-in with a token, the public
 * cache) as in a controller ({@link ApiErrors}, {@link PageErrors}); the pool reconnects by itself when it is back.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class DatabaseUnavailable extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailable.class);

	static boolean is(Throwable ex) {
		return ex instanceof DataAccessResourceFailureException || ex instanceof TransientDataAccessException
				|| ex instanceof CannotCreateTransactionException || ex instanceof TransactionSystemException;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(request, response);
		}
		catch (RuntimeException | ServletException ex) {
			Throwable cause = (ex instanceof ServletException && ex.getCause() != null) ? ex.getCause() : ex;
			if (!is(cause) || response.isCommitted()) {
				throw ex;
			}
			log.warn("The database did not answer: {}", cause.getMessage());
			response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE, ApiErrors.DATABASE_UNAVAILABLE);
		}
	}

}
