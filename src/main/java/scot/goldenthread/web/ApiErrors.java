package scot.goldenthread.web;

import java.util.List;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import scot.goldenthread.plans.ImportProblem;
import scot.goldenthread.plans.PlanImportException;
import scot.goldenthread.plans.PlanInUseException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Errors from the API as problem details (RFC 9457), never a stack trace. A refused import lists its
 * problems under "errors".
 */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
class ApiErrors extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

	@ExceptionHandler
	ProblemDetail refusedImport(PlanImportException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"The plan file was not imported; nothing was changed.");
		problem.setTitle("Plan file refused");
		List<ImportProblem> errors = ex.problems();
		problem.setProperty("errors", errors);
		return problem;
	}

	@ExceptionHandler
	ProblemDetail planInUse(PlanInUseException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail notMultipart(MultipartException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "Send the file as multipart/form-data in the field 'file'.");
	}

	@ExceptionHandler
	ProblemDetail forbidden(AccessDeniedException ex) {
		Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
		if (signedIn == null || signedIn instanceof AnonymousAuthenticationToken) {
			// as the sign-in filter answers: whoever it is may be allowed once they say who they are
			return ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, "Sign in, or send a personal access token; nothing was changed.");
		}
		return ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, ex.getMessage() + "; nothing was changed.");
	}

	/** A body that cannot be read says what in it was wrong: a field not known here, or where the JSON breaks. */
	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		Throwable cause = ex.getMostSpecificCause();
		String detail = "The request body cannot be read: send JSON.";
		if (cause instanceof UnrecognizedPropertyException unknown) {
			detail = "The request has a field '" + unknown.getPropertyName() + "' that is not known here; the fields are "
					+ unknown.getKnownPropertyIds().stream().map(String::valueOf).sorted().collect(Collectors.joining(", "));
		}
		else if (cause instanceof JacksonException json) {
			detail = "The request body cannot be read: " + json.getOriginalMessage().lines().findFirst().orElse("")
					+ ((json.getLocation() != null) ? " (line " + json.getLocation().getLineNr() + ", column "
							+ json.getLocation().getColumnNr() + ")" : "");
		}
		return ResponseEntity.badRequest().body(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail));
	}

	@ExceptionHandler({ DataAccessResourceFailureException.class, TransientDataAccessException.class,
			CannotCreateTransactionException.class, TransactionSystemException.class })
	ProblemDetail databaseUnavailable(RuntimeException ex) {
		log.warn("The database did not answer: {}", ex.getMessage());
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, DATABASE_UNAVAILABLE);
		problem.setTitle("Database unavailable");
		return problem;
	}

	/** What a person is told when the database does not answer: a transaction it broke off has changed nothing. */
	static final String DATABASE_UNAVAILABLE = "The database did not answer, so nothing was changed. Try again in a minute.";

	@ExceptionHandler
	ProblemDetail unexpected(RuntimeException ex) {
		log.error("Unexpected error in the API", ex);
		return ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR, "Something went wrong; it has been logged.");
	}

}
