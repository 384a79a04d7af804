package scot.goldenthread.plans;

import java.util.List;
import java.util.stream.Collectors;

/** A plan file that cannot be imported; nothing of it was stored. */
public class PlanImportException extends RuntimeException {

	private final transient List<ImportProblem> problems;

	public PlanImportException(List<ImportProblem> problems) {
		super(problems.stream().map(ImportProblem::toString).collect(Collectors.joining("; ")));
		this.problems = List.copyOf(problems);
	}

	public PlanImportException(ImportProblem problem) {
		this(List.of(problem));
	}

	public List<ImportProblem> problems() {
		return this.problems;
	}

}
