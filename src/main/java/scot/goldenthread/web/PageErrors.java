package scot.goldenthread.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/** A page whose database did not answer says so (503), as the API does, rather than that something went wrong. */
@ControllerAdvice(annotations = Controller.class)
class PageErrors {

	private static final Logger log = LoggerFactory.getLogger(PageErrors.class);

	@ExceptionHandler({ DataAccessResourceFailureException.class, TransientDataAccessException.class,
			CannotCreateTransactionException.class, TransactionSystemException.class })
	ModelAndView databaseUnavailable(RuntimeException ex) {
		log.warn("The database did not answer: {}", ex.getMessage());
		ModelAndView page = new ModelAndView("error", HttpStatus.SERVICE_UNAVAILABLE);
		page.addObject("status", HttpStatus.SERVICE_UNAVAILABLE.value());
		return page;
	}

}
