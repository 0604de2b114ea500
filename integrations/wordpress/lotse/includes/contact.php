<?php
/**
 * The contact endpoint: POST /wp-json/lotse/v1/contact (README, "Contact endpoint").
 *
 * - The Idempotency-Key is a UNIQUE key of the message table. A new message is written with
 *   INSERT IGNORE; only the request whose row went in sends the mail. Any repeat of the key
 *   (a retry after a timeout, two requests at once) finds the row and gets the same answer.
 * - 201 { reference } when kept; 4xx { message } in plain German when it never will be (a 4xx
 *   depends only on the request, so a repeat gets the same one); 503/429 with Retry-After
 *   make the form try again. Always JSON (the WordPress REST API), never an HTML page.
 * - A filled honeypot or a fill time under 2 s: answered like any message, stored as spam,
 *   not mailed.
 * - No cookies and no nonce: the form sends `credentials: 'omit'`, so there is no login
 *   session to protect (no CSRF risk) and nothing a nonce could be checked against. Abuse is
 *   limited per IP address (only a salted hash, kept for ten minutes in a transient).
 * - Messages older than the retention days are deleted by WP-Cron once a day.
 *
 * @package Lotse
 * @license GPL-2.0-or-later
 */

defined( 'ABSPATH' ) || exit;

const LOTSE_DB_VERSION     = '1';
const LOTSE_MAX_BODY       = 65536;
const LOTSE_MIN_FILL_MS    = 2000;
const LOTSE_METHODS        = array( 'phone', 'sms', 'whatsapp', 'email', 'visit' );
const LOTSE_TIMES          = array( 'morning', 'afternoon', 'evening' );
const LOTSE_DAYS           = array( 'mo', 'tu', 'we', 'th', 'fr', 'sa', 'su' );
const LOTSE_RATE_WINDOW_S  = 600;
const LOTSE_RATE_LIMIT     = 10;

/** The message table's name. */
function lotse_table() {
	global $wpdb;
	return $wpdb->prefix . 'lotse_messages';
}

/** Creates or updates the table (dbDelta); run on activation and after an update. */
function lotse_install_table() {
	global $wpdb;
	require_once ABSPATH . 'wp-admin/includes/upgrade.php';
	$table   = lotse_table();
	$charset = $wpdb->get_charset_collate();
	// dbDelta wants: one column per line, two spaces after PRIMARY KEY, KEY not INDEX.
	$sql = "CREATE TABLE {$table} (
  id bigint(20) unsigned NOT NULL AUTO_INCREMENT,
  idempotency_key varchar(128) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  reference varchar(16) NOT NULL,
  service_id varchar(128) NOT NULL DEFAULT '',
  payload longtext NOT NULL,
  is_spam tinyint(1) NOT NULL DEFAULT 0,
  mail_status varchar(10) NOT NULL DEFAULT 'pending',
  received_at datetime NOT NULL,
  PRIMARY KEY  (id),
  UNIQUE KEY idempotency_key (idempotency_key),
  KEY received_at (received_at)
) {$charset};";
	dbDelta( $sql );
	update_option( 'lotse_db_version', LOTSE_DB_VERSION ); // autoloaded: read on every request
}

add_action( 'rest_api_init', 'lotse_register_route' );

function lotse_register_route() {
	register_rest_route(
		'lotse/v1',
		'/contact',
		array(
			'methods'             => 'POST',
			'callback'            => 'lotse_rest_contact',
			// Public on purpose: anonymous residents write to a service (see the file comment).
			'permission_callback' => '__return_true',
		)
	);
}

// The form sends the Idempotency-Key header; a form on another origin needs it allowed.
add_filter( 'rest_allowed_cors_headers', 'lotse_cors_headers' );
function lotse_cors_headers( $headers ) {
	$headers[] = 'Idempotency-Key';
	return $headers;
}

// WordPress rejects a broken JSON body before our callback, in English; we answer it ourselves.
add_filter( 'rest_request_before_callbacks', 'lotse_own_json_errors', 10, 3 );
function lotse_own_json_errors( $response, $handler, $request ) {
	if ( is_wp_error( $response ) && 'rest_invalid_json' === $response->get_error_code()
		&& $request instanceof WP_REST_Request && '/lotse/v1/contact' === $request->get_route() ) {
		return null;
	}
	return $response;
}

/**
 * A JSON answer.
 *
 * @param int   $status HTTP status.
 * @param array $body   Body.
 * @param int   $retry  Seconds for Retry-After, or 0.
 */
function lotse_answer( $status, array $body, $retry = 0 ) {
	$response = new WP_REST_Response( $body, $status );
	$response->header( 'Cache-Control', 'no-store' );
	if ( $retry > 0 ) {
		$response->header( 'Retry-After', (string) $retry );
	}
	return $response;
}

/** What is wrong with a message, in plain German, or null. */
function lotse_invalid_message( $body ) {
	$str = function ( $value, $max ) {
		return is_string( $value ) && mb_strlen( $value, 'UTF-8' ) <= $max;
	};
	if ( ! is_array( $body ) || ( $body && array_keys( $body ) === range( 0, count( $body ) - 1 ) ) || ! $body ) {
		return 'Die Nachricht fehlt.';
	}
	if ( ! $str( $body['id'] ?? null, 128 ) || '' === $body['id'] ) {
		return 'Die Nachricht hat keine Nummer (id).';
	}
	if ( ! $str( $body['createdAt'] ?? null, 40 ) || false === strtotime( $body['createdAt'] ) ) {
		return 'Die Zeit (createdAt) fehlt.';
	}
	$service = $body['serviceId'] ?? null;
	$topic   = $body['topic'] ?? null;
	if ( ( ! $str( $service, 128 ) || '' === $service ) && ( ! $str( $topic, 128 ) || '' === $topic ) ) {
		return 'Es fehlt, worum es geht.';
	}
	$contact = $body['contact'] ?? null;
	if ( ! is_array( $contact ) || ! in_array( $contact['method'] ?? null, LOTSE_METHODS, true ) ) {
		return 'Es fehlt, wie wir Sie erreichen können.';
	}
	if ( 'visit' !== $contact['method'] && ( ! $str( $contact['value'] ?? null, 200 ) || '' === trim( $contact['value'] ) ) ) {
		return 'Es fehlt Ihre Telefonnummer oder E-Mail-Adresse.';
	}
	if ( isset( $body['message'] ) && ! $str( $body['message'], 5000 ) ) {
		return 'Die Nachricht ist zu lang.';
	}
	if ( isset( $body['name'] ) && ! $str( $body['name'], 200 ) ) {
		return 'Der Name ist zu lang.';
	}
	foreach ( array( 'times' => LOTSE_TIMES, 'days' => LOTSE_DAYS ) as $field => $known ) {
		if ( ! isset( $body[ $field ] ) ) {
			continue;
		}
		$values = $body[ $field ];
		if ( ! is_array( $values ) || count( $values ) > 10 ) {
			return 'Die Angabe, wann wir Sie erreichen können, ist nicht lesbar.';
		}
		foreach ( $values as $value ) {
			if ( ! in_array( $value, $known, true ) ) {
				return 'Die Angabe, wann wir Sie erreichen können, ist nicht lesbar.';
			}
		}
	}
	return null;
}

/** The fields we keep, nothing else. */
function lotse_clean_message( array $body ) {
	$text    = function ( $value ) {
		return is_string( $value ) ? $value : '';
	};
	$contact = $body['contact'];
	return array(
		'id'         => $body['id'],
		'createdAt'  => $body['createdAt'],
		'locale'     => substr( $text( $body['locale'] ?? '' ), 0, 16 ),
		'serviceId'  => $text( $body['serviceId'] ?? '' ),
		'topic'      => $text( $body['topic'] ?? '' ),
		'contact'    => array(
			'method'     => $contact['method'],
			'value'      => $text( $contact['value'] ?? '' ),
			'normalized' => substr( $text( $contact['normalized'] ?? '' ), 0, 32 ),
		),
		'language'   => substr( $text( $body['language'] ?? '' ), 0, 16 ),
		'times'      => array_values( array_unique( (array) ( $body['times'] ?? array() ) ) ),
		'days'       => array_values( array_unique( (array) ( $body['days'] ?? array() ) ) ),
		'message'    => $text( $body['message'] ?? '' ),
		'name'       => $text( $body['name'] ?? '' ),
		'honeypot'   => substr( $text( $body['honeypot'] ?? '' ), 0, 200 ),
		'fillTimeMs' => is_numeric( $body['fillTimeMs'] ?? null ) ? (int) $body['fillTimeMs'] : null,
	);
}

/** A reference that is easy to read out on the phone (no 0/O, 1/I/L), e.g. K7P-2QX. */
function lotse_make_reference() {
	$letters = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
	$ref     = '';
	for ( $i = 0; $i < 6; $i++ ) {
		$ref .= $letters[ random_int( 0, strlen( $letters ) - 1 ) ];
	}
	return substr( $ref, 0, 3 ) . '-' . substr( $ref, 3 );
}

/** The stored row for a key, or null. */
function lotse_find_message( $key ) {
	global $wpdb;
	$table = lotse_table();
	// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- the table name is ours
	return $wpdb->get_row( $wpdb->prepare( "SELECT id, reference FROM {$table} WHERE idempotency_key = %s", $key ) );
}

/** True when this IP address has sent too many new messages lately (and counts this one). */
function lotse_rate_limited() {
	$ip    = isset( $_SERVER['REMOTE_ADDR'] ) ? sanitize_text_field( wp_unslash( $_SERVER['REMOTE_ADDR'] ) ) : '';
	$name  = 'lotse_rl_' . substr( hash_hmac( 'sha256', $ip, wp_salt( 'auth' ) ), 0, 24 );
	$now   = time();
	$state = get_transient( $name );
	if ( ! is_array( $state ) || ( $state['until'] ?? 0 ) <= $now ) {
		$state = array(
			'count' => 0,
			'until' => $now + LOTSE_RATE_WINDOW_S,
		);
	}
	/**
	 * New messages one IP address may send in ten minutes.
	 *
	 * @param int $limit Default 10.
	 */
	$limit = (int) apply_filters( 'lotse_rate_limit', LOTSE_RATE_LIMIT );
	if ( $state['count'] >= $limit ) {
		return max( 1, $state['until'] - $now );
	}
	++$state['count'];
	set_transient( $name, $state, max( 1, $state['until'] - $now ) );
	return 0;
}

/**
 * POST /lotse/v1/contact.
 *
 * @param WP_REST_Request $request The request.
 */
function lotse_rest_contact( WP_REST_Request $request ) {
	global $wpdb;
	$key = trim( (string) $request->get_header( 'idempotency_key' ) );
	if ( ! preg_match( '/^[A-Za-z0-9_-]{8,128}$/', $key ) ) {
		return lotse_answer( 400, array( 'message' => 'Der Header Idempotency-Key fehlt.' ) );
	}
	$known = lotse_find_message( $key );
	if ( $known ) {
		return lotse_answer( 201, array( 'reference' => $known->reference ) );
	}
	$raw = (string) $request->get_body();
	if ( strlen( $raw ) > LOTSE_MAX_BODY ) {
		return lotse_answer( 413, array( 'message' => 'Die Nachricht ist zu groß.' ) );
	}
	$body = json_decode( $raw, true );
	if ( JSON_ERROR_NONE !== json_last_error() ) {
		return lotse_answer( 400, array( 'message' => 'Die Nachricht ist kein JSON.' ) );
	}
	$reason = lotse_invalid_message( $body );
	if ( null !== $reason ) {
		return lotse_answer( 422, array( 'message' => $reason ) );
	}
	$wait = lotse_rate_limited();
	if ( $wait > 0 ) {
		return lotse_answer( 429, array( 'message' => 'Es kamen gerade sehr viele Nachrichten von diesem Anschluss. Ihre Nachricht wird später noch einmal gesendet.' ), $wait );
	}

	$message   = lotse_clean_message( $body );
	$spam      = '' !== $message['honeypot'] || ( null !== $message['fillTimeMs'] && $message['fillTimeMs'] < LOTSE_MIN_FILL_MS );
	$reference = lotse_make_reference();
	$table     = lotse_table();
	// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- the table name is ours
	$inserted = $wpdb->query(
		$wpdb->prepare(
			"INSERT IGNORE INTO {$table} (idempotency_key, reference, service_id, payload, is_spam, mail_status, received_at) VALUES (%s, %s, %s, %s, %d, %s, %s)", // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
			$key,
			$reference,
			$message['serviceId'],
			wp_json_encode( $message ),
			$spam ? 1 : 0,
			$spam ? 'spam' : 'pending',
			current_time( 'mysql', true )
		)
	);
	if ( false === $inserted ) {
		return lotse_answer( 503, array( 'message' => 'Die Nachricht konnte gerade nicht gespeichert werden. Sie wird gleich noch einmal gesendet.' ), 30 );
	}
	if ( 0 === (int) $inserted ) {
		// The same key arrived at the same moment in another request, which stored it.
		$known = lotse_find_message( $key );
		if ( $known ) {
			return lotse_answer( 201, array( 'reference' => $known->reference ) );
		}
		return lotse_answer( 503, array( 'message' => 'Die Nachricht konnte gerade nicht gespeichert werden. Sie wird gleich noch einmal gesendet.' ), 30 );
	}
	if ( ! $spam ) {
		$sent = lotse_mail_message( $message, $reference );
		$wpdb->update( $table, array( 'mail_status' => $sent ? 'sent' : 'failed' ), array( 'idempotency_key' => $key ), array( '%s' ), array( '%s' ) );
	}
	return lotse_answer( 201, array( 'reference' => $reference ) );
}

/**
 * Tell the service. The subject names only the site and the reference: no personal data.
 *
 * @param array  $m         Clean message.
 * @param string $reference Reference.
 */
function lotse_mail_message( array $m, $reference ) {
	$methods = array(
		'phone'    => 'Anruf',
		'sms'      => 'SMS',
		'whatsapp' => 'WhatsApp',
		'email'    => 'E-Mail',
		'visit'    => 'kommt vorbei',
	);
	$times   = array(
		'morning'   => 'vormittags',
		'afternoon' => 'nachmittags',
		'evening'   => 'abends',
	);
	$days    = array(
		'mo' => 'Mo',
		'tu' => 'Di',
		'we' => 'Mi',
		'th' => 'Do',
		'fr' => 'Fr',
		'sa' => 'Sa',
		'su' => 'So',
	);
	$when    = trim(
		implode( ', ', array_map( fn( $d ) => $days[ $d ], $m['days'] ) ) . ' ' .
		implode( ', ', array_map( fn( $t ) => $times[ $t ], $m['times'] ) )
	);
	$site    = wp_specialchars_decode( (string) get_option( 'blogname' ), ENT_QUOTES );
	$lines   = array(
		'Über das Lotse-Kontaktformular auf ' . $site . ' ist eine Nachricht angekommen.',
		'',
		'Vorgangsnummer: ' . $reference,
		'' !== $m['serviceId'] ? 'Angebot: ' . $m['serviceId'] : 'Thema: ' . $m['topic'],
		'Antwort per: ' . $methods[ $m['contact']['method'] ],
	);
	if ( '' !== $m['contact']['value'] ) {
		$lines[] = 'Erreichbar unter: ' . $m['contact']['value'] . ( '' !== $m['contact']['normalized'] ? ' (' . $m['contact']['normalized'] . ')' : '' );
	}
	if ( '' !== $when ) {
		$lines[] = 'Gut erreichbar: ' . $when;
	}
	$lines[] = 'Sprache der Antwort: ' . ( '' !== $m['language'] ? $m['language'] : $m['locale'] );
	if ( '' !== $m['name'] ) {
		$lines[] = 'Name: ' . $m['name'];
	}
	if ( '' !== $m['message'] ) {
		$lines[] = '';
		$lines[] = 'Nachricht:';
		$lines[] = $m['message'];
	}
	$lines[] = '';
	$lines[] = sprintf( 'Die Nachricht ist in WordPress gespeichert und wird nach %d Tagen gelöscht.', (int) lotse_settings()['retention_days'] );

	$headers = array( 'Content-Type: text/plain; charset=UTF-8' );
	if ( 'email' === $m['contact']['method'] && is_email( $m['contact']['value'] ) ) {
		$headers[] = 'Reply-To: ' . sanitize_email( $m['contact']['value'] );
	}
	$subject = sprintf( '[%s] Neue Nachricht über Lotse – %s', $site, $reference );
	return (bool) wp_mail( lotse_recipient_for( $m['serviceId'] ), $subject, implode( "\n", $lines ), $headers );
}

// ---- Retention ----------------------------------------------------------------------------

add_action( 'lotse_purge', 'lotse_purge_messages' );

/** Deletes messages older than the retention days (daily, by WP-Cron). */
function lotse_purge_messages() {
	global $wpdb;
	$days   = max( 1, (int) lotse_settings()['retention_days'] );
	$cutoff = gmdate( 'Y-m-d H:i:s', time() - $days * DAY_IN_SECONDS );
	$table  = lotse_table();
	// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- the table name is ours
	$wpdb->query( $wpdb->prepare( "DELETE FROM {$table} WHERE received_at < %s", $cutoff ) );
}

// If the schedule went missing (e.g. a restored database), add it again.
add_action( 'admin_init', 'lotse_ensure_schedule' );
function lotse_ensure_schedule() {
	if ( ! wp_next_scheduled( 'lotse_purge' ) ) {
		wp_schedule_event( time() + HOUR_IN_SECONDS, 'daily', 'lotse_purge' );
	}
}

/** Counts for the settings page, or null when the table is missing. */
function lotse_message_counts() {
	global $wpdb;
	$table = lotse_table();
	// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- no input, only our table name
	$row = $wpdb->get_row( "SELECT COUNT(*) AS total, COALESCE(SUM(is_spam), 0) AS spam, COALESCE(SUM(mail_status = 'failed'), 0) AS unmailed FROM {$table}", ARRAY_A );
	if ( ! is_array( $row ) ) {
		return null;
	}
	return array_map( 'intval', $row );
}
