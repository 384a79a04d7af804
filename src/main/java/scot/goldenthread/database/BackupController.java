package scot.goldenthread.database;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** An administrator's backup of everything, as a download, while the service runs. */
@RestController
@Tag(name = "Administration", description = "A backup of everything, for administrators")
class BackupController {

	private final Backups backups;

	private final Clock clock;

	BackupController(Backups backups, Clock clock) {
		this.backups = backups;
		this.clock = clock;
	}

	@Operation(summary = "A backup of everything the service keeps, as a zip (administrators only)",
			description = "Every table as CSV, copied at one moment while the service runs, with a manifest of the schema "
					+ "version and each table's row count. Restore it by starting the service with goldenthread.restore-from.")
	@GetMapping("/api/admin/backup")
	ResponseEntity<StreamingResponseBody> backup() {
		String name = "golden-thread-backup-" + LocalDateTime.now(this.clock).format(DateTimeFormatter.ofPattern("yyyy-MM-dd-HHmmss")) + ".zip";
		StreamingResponseBody body = (out) -> {
			try {
				this.backups.write(out);
			}
			catch (SQLException ex) {
				throw new IOException("The backup could not be read from the database: " + ex.getMessage(), ex);
			}
		};
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("application/zip"))
			.cacheControl(CacheControl.noStore())
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
			.body(body);
	}

}
