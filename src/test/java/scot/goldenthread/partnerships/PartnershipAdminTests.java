package scot.goldenthread.partnerships;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import scot.goldenthread.Fixtures;
import scot.goldenthread.SignedIn;
import scot.goldenthread.audit.AuditLog;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Partnerships and partners made and changed by an administrator, on pages and through the API, each change audited. */
@SpringBootTest
@AutoConfigureMockMvc
@Transactional
class PartnershipAdminTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	Fixtures fixtures;

	@Autowired
	PartnershipDirectory directory;

	@Autowired
	AuditLog audit;

	Fixtures.World world;

	@BeforeEach
	void makeTheWorld() {
		this.world = this.fixtures.world();
	}

	@Test
	void onlyAnAdministratorMakesOrChangesThem() throws Exception {
		this.mvc.perform(get("/admin/partnerships/new").with(SignedIn.as(this.users, this.world.owner()))).andExpect(status().isForbidden());
		this.mvc.perform(post("/api/admin/partners").with(SignedIn.as(this.users, this.world.owner())).contentType(MediaType.APPLICATION_JSON)
			.content("{\"code\": \"not-allowed\", \"name\": \"Not allowed\"}")).andExpect(status().isForbidden());
		assertThat(this.directory.partner("not-allowed")).isEmpty();
		assertThat(page("/partnerships", this.world.owner())).doesNotContain("Add a partnership");
		assertThat(page("/partnerships", this.world.administrator())).contains("Add a partnership", "Add a partner");
	}

	@Test
	void aPartnerAndAPartnershipAreMadeOnTheirPagesWithEachProblemBesideItsField() throws Exception {
		String tag = this.world.tag();
		// every problem at once, beside its field, and nothing stored
		String refused = this.mvc.perform(post("/admin/partnerships/new").with(SignedIn.as(this.users, this.world.administrator()))
			.param("code", "no spaces please").param("name", " ").param("kind", "club").param("parent", "no-such-partnership")
			.param("members", "no-such-partner"))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(refused).contains("There is a problem", "Enter a code of 2 to 80 letters", "Enter the partnership&#39;s name",
				"Choose what kind of partnership it is", "There is no partnership with the code no-such-partnership",
				"There is no partner with the code no-such-partner");
		assertThat(this.directory.partnership("no spaces please")).isEmpty();
		// the form's "Choose a kind" left as it is
		assertThat(this.mvc.perform(post("/admin/partnerships/new").with(SignedIn.as(this.users, this.world.administrator()))
			.param("code", tag + "-nokind").param("name", "No kind").param("kind", ""))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
			.contains("Choose what kind of partnership it is");
		assertThat(this.directory.partnership(tag + "-nokind")).isEmpty();

		this.mvc.perform(post("/admin/partners/new").with(SignedIn.as(this.users, this.world.administrator()))
			.param("code", tag + "-college").param("name", "Forth Valley College " + tag).param("description", "A college <b>bold</b>"))
			.andExpect(redirectedUrl("/partners/" + tag + "-college"));
		this.mvc.perform(post("/admin/partnerships/new").with(SignedIn.as(this.users, this.world.administrator()))
			.param("code", tag + "-oig").param("name", "Outcome Improvement Group " + tag).param("kind", "thematic")
			.param("parent", this.world.plan().partnershipCode()).param("area", "Clackmannanshire (S12000005)")
			.param("members", tag + "-college"))
			.andExpect(redirectedUrl("/partnerships/" + tag + "-oig"))
			.andExpect(flash().attribute("done", "Outcome Improvement Group " + tag + " has been added."));
		assertThat(page("/partnerships/" + tag + "-oig", this.world.administrator())).contains("Outcome Improvement Group " + tag,
				"Forth Valley College " + tag);
		assertThat(page("/partners/" + tag + "-college", null)).contains("A college &lt;b&gt;bold&lt;/b&gt;");
		assertThat(this.directory.partnership(tag + "-oig").orElseThrow().parentCode()).isEqualTo(this.world.plan().partnershipCode());
		// a code in use is refused, not overwritten
		assertThat(this.mvc.perform(post("/admin/partners/new").with(SignedIn.as(this.users, this.world.administrator()))
			.param("code", tag + "-college").param("name", "Another")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
			.contains("A partner already has the code " + tag + "-college");
		assertThat(this.directory.partner(tag + "-college").orElseThrow().name()).isEqualTo("Forth Valley College " + tag);
	}

	@Test
	void aChangeKeepsTheCodeRefusesALoopAndIsAuditedBeforeAndAfter() throws Exception {
		String tag = this.world.tag();
		String parent = this.world.plan().partnershipCode();
		this.directory.create(new PartnershipDetails(tag + "-child", "Child " + tag, "thematic", parent, null, null, java.util.List.of()));
		// the parent cannot become part of its own child
		String loop = this.mvc.perform(post("/admin/partnerships/" + parent).with(SignedIn.as(this.users, this.world.administrator()))
			.param("code", "ignored").param("name", "Renamed").param("kind", "thematic").param("parent", tag + "-child"))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(loop).contains("A partnership cannot be part of itself or of a partnership within it");
		this.mvc.perform(post("/admin/partnerships/" + tag + "-child").with(SignedIn.as(this.users, this.world.administrator()))
			.param("code", "ignored").param("name", "Child renamed " + tag).param("kind", "place-based").param("parent", parent)
			.param("members", this.world.tag() + "-council"))
			.andExpect(redirectedUrl("/partnerships/" + tag + "-child"));
		Partnership changed = this.directory.partnership(tag + "-child").orElseThrow();
		assertThat(changed.name()).isEqualTo("Child renamed " + tag);
		assertThat(changed.kind()).isEqualTo(Partnership.Kind.PLACE_BASED);
		assertThat(this.directory.partnership("ignored")).isEmpty();
		assertThat(this.audit.history("partnership", changed.id())).extracting(AuditLog.AuditEvent::action).containsExactly("create", "update");
		assertThat(this.audit.history("partnership", changed.id()).get(1)).satisfies((event) -> {
			assertThat(event.before()).contains("Child " + tag).doesNotContain(tag + "-council");
			assertThat(event.after()).contains("Child renamed " + tag, "place-based", tag + "-council");
		});
	}

	@Test
	void theApiMakesAndChangesThemAndRefusesBadDetailsWithTheirFields() throws Exception {
		String tag = this.world.tag();
		this.mvc.perform(post("/api/admin/partners").with(SignedIn.as(this.users, this.world.administrator())).contentType(MediaType.APPLICATION_JSON)
			.content("{\"code\": \"" + tag + "-tsi\", \"name\": \"Third Sector Interface " + tag + "\", \"statutory\": false}"))
			.andExpect(status().isCreated()).andExpect(jsonPath("$.code").value(tag + "-tsi"));
		this.mvc.perform(put("/api/admin/partners/" + tag + "-tsi").with(SignedIn.as(this.users, this.world.administrator()))
			.contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"TSI " + tag + "\", \"statutory\": true}"))
			.andExpect(status().isOk()).andExpect(jsonPath("$.statutory").value(true));
		this.mvc.perform(post("/api/admin/partnerships").with(SignedIn.as(this.users, this.world.administrator())).contentType(MediaType.APPLICATION_JSON)
			.content("{\"code\": \"" + tag + "-api\", \"name\": \"Made by the API\", \"kind\": \"thematic\", \"members\": [\"" + tag + "-tsi\"]}"))
			.andExpect(status().isCreated()).andExpect(jsonPath("$.kind").value("thematic"));
		assertThat(this.directory.members(tag + "-api")).extracting(Partner::name).containsExactly("TSI " + tag);
		this.mvc.perform(post("/api/admin/partnerships").with(SignedIn.as(this.users, this.world.administrator())).contentType(MediaType.APPLICATION_JSON)
			.content("{\"code\": \"" + tag + "-api\", \"name\": \"\", \"kind\": \"thematic\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors.code").value("A partnership already has the code " + tag + "-api; choose another"))
			.andExpect(jsonPath("$.errors.name").value("Enter the partnership's name"));
		this.mvc.perform(put("/api/admin/partnerships/no-such-partnership").with(SignedIn.as(this.users, this.world.administrator()))
			.contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"x\", \"kind\": \"thematic\"}"))
			.andExpect(status().isNotFound());
	}

	private String page(String path, String username) throws Exception {
		return this.mvc.perform((username == null) ? get(path) : get(path).with(SignedIn.as(this.users, username)))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

}
