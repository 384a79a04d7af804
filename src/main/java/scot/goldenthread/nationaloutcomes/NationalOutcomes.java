package scot.goldenthread.nationaloutcomes;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

@Service
public class NationalOutcomes {

	private final JdbcClient jdbc;

	NationalOutcomes(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<NationalOutcome> all() {
		return this.jdbc.sql("select code, name, statement from national_outcome order by position")
			.query(NationalOutcome.class)
			.list();
	}

	public Optional<NationalOutcome> find(String code) {
		return this.jdbc.sql("select code, name, statement from national_outcome where code = ?")
			.param(code)
			.query(NationalOutcome.class)
			.optional();
	}

}
