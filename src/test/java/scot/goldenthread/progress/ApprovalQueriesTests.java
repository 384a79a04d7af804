package scot.goldenthread.progress;

import java.util.List;

import org.junit.jupiter.api.Test;

import scot.goldenthread.QueryCount;
import scot.goldenthread.SignedIn;
import scot.goldenthread.plans.ElementKind;
import scot.goldenthread.plans.PlanCatalogue;
import scot.goldenthread.plans.PlanElement;
import scot.goldenthread.plans.PlanTree;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** An approval reads its plan once, however many milestones it marks done. */
@SpringBootTest
@AutoConfigureMockMvc
@Import(QueryCount.Recording.class)
@Transactional
class ApprovalQueriesTests {

	/** The statement that reads a plan's elements, once for each time its tree is read. */
	static final String TREE = "from plan_element where plan_id = any(?)";

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	PlanCatalogue plans;

	@Autowired
	ProgressUpdates updates;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anApprovalReadsThePlanOnceAndMarksEachMilestoneDone() throws Exception {
		PlanTree ppl = this.plans.tree(this.plans.plan("PPL-2022-23").orElseThrow().id()).orElseThrow();
		PlanElement action = ppl.ofKind(ElementKind.ACTION).stream().filter((a) -> a.code().equals("PPL 22 45")).findFirst().orElseThrow();
		List<Long> milestones = List.of(1, 2, 3).stream().map((n) -> this.jdbc.sql("""
				insert into plan_element (plan_id, parent_id, position, code, kind, title, progress)
				values (?, ?, ?, ?, 'milestone', ?, 0) returning id""")
			.params(ppl.plan().id(), action.id(), n, "PPL 22 45 M" + n, "Milestone " + n).query(Long.class).single()).toList();
		long open = this.updates.periods(ppl.plan().id()).stream().filter((p) -> p.name().equals("End of year 2022/23")).findFirst()
			.orElseThrow().id();
		this.mvc.perform(put("/api/actions/{a}/updates/{p}", action.id(), open).with(SignedIn.as(this.users, "people.director"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"progress\": 80, \"note\": \"Three milestones met.\", \"milestonesDone\": " + milestones + ", \"submit\": true}"))
			.andExpect(status().isOk());
		ProgressUpdate submitted = this.updates.update(action.id(), open).orElseThrow();

		QueryCount.Counted<Integer> approval = QueryCount.of(() -> this.mvc.perform(post("/api/updates/{u}/approve", submitted.id())
			.with(SignedIn.as(this.users, "people.director")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"version\": " + submitted.version() + "}")).andReturn().getResponse().getStatus());

		assertThat(approval.answer()).isEqualTo(200);
		assertThat(approval.matching(TREE)).as(String.join("\n", approval.statements())).isEqualTo(1);
		PlanTree after = this.plans.tree(ppl.plan().id()).orElseThrow();
		assertThat(after.element(action.id()).orElseThrow().progress()).isEqualTo(80);
		assertThat(milestones).allSatisfy((m) -> assertThat(after.element(m).orElseThrow().progress()).isEqualTo(100));
	}

}
