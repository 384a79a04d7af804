package scot.goldenthread.progress;

import java.util.List;

import org.junit.jupiter.api.Test;

import scot.goldenthread.Fixtures;
import scot.goldenthread.QueryCount;
import scot.goldenthread.SignedIn;
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
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** An approval reads its plan once, however many milestones it marks done; the cockpit and the one-page update read all at once. */
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
	ProgressUpdates updates;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Fixtures fixtures;

	@Test
	void anApprovalReadsThePlanOnceAndMarksEachMilestoneDone() throws Exception {
		Fixtures.World world = this.fixtures.world();
		PlanTree plan = world.tree();
		PlanElement action = world.element("A1");
		// two more milestones beside A1.1: the count must not grow with them
		List<Long> milestones = new java.util.ArrayList<>(List.of(world.element("A1.1").id()));
		List.of(2, 3).forEach((n) -> milestones.add(this.jdbc.sql("""
				insert into plan_element (plan_id, parent_id, position, code, kind, title, progress)
				values (?, ?, ?, ?, 'milestone', ?, 0) returning id""")
			.params(plan.plan().id(), action.id(), n, "A1." + n, "Milestone " + n).query(Long.class).single()));
		long open = world.open().id();
		this.mvc.perform(put("/api/actions/{a}/updates/{p}", action.id(), open).with(SignedIn.as(this.users, world.owner()))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"progress\": 80, \"note\": \"Three milestones met.\", \"milestonesDone\": " + milestones + ", \"submit\": true}"))
			.andExpect(status().isOk());
		ProgressUpdate submitted = this.updates.update(action.id(), open).orElseThrow();

		QueryCount.Counted<Integer> approval = QueryCount.of(() -> this.mvc.perform(post("/api/updates/{u}/approve", submitted.id())
			.with(SignedIn.as(this.users, world.owner())).contentType(MediaType.APPLICATION_JSON)
			.content("{\"version\": " + submitted.version() + "}")).andReturn().getResponse().getStatus());

		assertThat(approval.answer()).isEqualTo(200);
		assertThat(approval.matching(TREE)).as(String.join("\n", approval.statements())).isEqualTo(1);
		PlanTree after = world.tree();
		assertThat(after.element(action.id()).orElseThrow().progress()).isEqualTo(80);
		assertThat(milestones).allSatisfy((m) -> assertThat(after.element(m).orElseThrow().progress()).isEqualTo(100));
	}

	@Test
	void theCockpitAndTheOnePageUpdateDoNotGrowWithTheActionsAndUpdatesTheyList() throws Exception {
		Fixtures.World world = this.fixtures.world();
		long open = world.open().id();
		String cockpit = "/plans/" + world.plan().id() + "/cockpit?period=" + open;
		String onePage = "/my-updates/periods/" + open;
		QueryCount.Counted<String> before = read(cockpit, world.owner());
		QueryCount.Counted<String> pageBefore = read(onePage, world.lead());
		// three more of the lead's actions, and an update of each of their actions
		String lead = world.element("A1").leads().get(0);
		for (int n = 4; n <= 6; n++) {
			long id = this.jdbc.sql("""
					insert into plan_element (plan_id, parent_id, position, code, kind, title, progress)
					values (?, ?, ?, ?, 'action', ?, 0) returning id""")
				.params(world.plan().id(), world.element("P1").id(), n, "A" + n, "Action " + n).query(Long.class).single();
			this.jdbc.sql("insert into element_lead (element_id, position, name) values (?, 0, ?)").params(id, lead).update();
		}
		for (PlanElement action : world.tree().ofKind(scot.goldenthread.plans.ElementKind.ACTION)) {
			this.mvc.perform(put("/api/actions/{a}/updates/{p}", action.id(), open).with(SignedIn.as(this.users, world.owner()))
				.contentType(MediaType.APPLICATION_JSON).content("{\"progress\": 50, \"note\": \"Half way.\", \"submit\": true}"))
				.andExpect(status().isOk());
		}
		QueryCount.Counted<String> after = read(cockpit, world.owner());
		QueryCount.Counted<String> pageAfter = read(onePage, world.lead());

		assertThat(after.answer()).contains("Action 6", "Waiting for your review");
		assertThat(pageAfter.answer()).contains("Action 6");
		assertThat(after.statements()).as(String.join("\n", after.statements())).hasSameSizeAs(before.statements());
		assertThat(pageAfter.statements()).as(String.join("\n", pageAfter.statements())).hasSameSizeAs(pageBefore.statements());
	}

	QueryCount.Counted<String> read(String path, String who) throws Exception {
		return QueryCount.of(() -> this.mvc.perform(get(path).accept(MediaType.TEXT_HTML).with(SignedIn.as(this.users, who)))
			.andReturn().getResponse().getContentAsString());
	}

}
