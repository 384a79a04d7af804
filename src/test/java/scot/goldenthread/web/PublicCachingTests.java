package scot.goldenthread.web;

import org.junit.jupiter.api.Test;

import scot.goldenthread.Fixtures;
import scot.goldenthread.SignedIn;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Public pages can be kept and revalidated; a change makes them stale at once; signed-in pages are never kept. */
@SpringBootTest
@AutoConfigureMockMvc
@Transactional
class PublicCachingTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	Fixtures fixtures;

	@Test
	void aPublicPageIsRevalidatedAndAChangeMakesItStale() throws Exception {
		Fixtures.World world = this.fixtures.world();
		String page = "/plans/" + world.plan().id();
		String etag = this.mvc.perform(get(page).accept(MediaType.TEXT_HTML))
			.andExpect(status().isOk())
			.andExpect(header().string("Cache-Control", "public, no-cache"))
			.andExpect(header().exists("Last-Modified"))
			.andReturn().getResponse().getHeader("ETag");
		assertThat(etag).startsWith("W/\"");
		this.mvc.perform(get(page).header("If-None-Match", etag)).andExpect(status().isNotModified());
		// the page as last made, sent again without being made again
		String first = this.mvc.perform(get(page).accept(MediaType.TEXT_HTML)).andReturn().getResponse().getContentAsString();
		assertThat(first).contains(world.plan().title())
			.isEqualTo(this.mvc.perform(get(page).accept(MediaType.TEXT_HTML)).andReturn().getResponse().getContentAsString());
		this.mvc.perform(get("/api" + page).header("If-None-Match", etag)).andExpect(status().isNotModified());
		// any recorded change, here a closed reporting period, publishes something new
		this.mvc.perform(post(page + "/periods/{p}/close", world.open().id()).with(SignedIn.as(this.users, world.owner())))
			.andExpect(status().is3xxRedirection());
		this.mvc.perform(get(page).header("If-None-Match", etag)).andExpect(status().isOk())
			.andExpect(header().string("ETag", org.hamcrest.Matchers.not(etag)));
	}

	@Test
	void aPageThatIsNotThereIsNeverKept() throws Exception {
		for (String path : new String[] { "/plans/999999", "/api/plans/999999", "/measures/NO-SUCH-MEASURE" }) {
			this.mvc.perform(get(path).accept(path.startsWith("/api") ? MediaType.APPLICATION_JSON : MediaType.TEXT_HTML))
				.andExpect(status().isNotFound())
				.andExpect(header().doesNotExist("ETag"))
				.andExpect(header().doesNotExist("Last-Modified"))
				.andExpect(header().string("Cache-Control", containsString("no-store")));
		}
		// open data's streamed downloads are told they may be kept before they start: a missing one takes it back
		this.mvc.perform(get("/open-data/no-such-file.csv")).andExpect(status().isNotFound())
			.andExpect(header().string("Cache-Control", containsString("no-store")))
			.andExpect(header().string("Cache-Control", org.hamcrest.Matchers.not(containsString("public"))));
	}

	@Test
	void signedInPagesAndTheSignInFormAreNeverKept() throws Exception {
		Fixtures.World world = this.fixtures.world();
		this.mvc.perform(get("/plans/{id}", world.plan().id()).with(SignedIn.as(this.users, world.viewer())))
			.andExpect(header().doesNotExist("ETag"))
			.andExpect(header().string("Cache-Control", containsString("no-store")));
		this.mvc.perform(get("/sign-in")).andExpect(header().doesNotExist("ETag"))
			.andExpect(header().string("Cache-Control", containsString("no-store")));
	}

}
