<?php
/**
 * Plugin Name:       Lotse – Hilfe finden
 * Description:       Die Lotse-Widgets (Angebote suchen, Sprechzeiten, Schnell-Check, Kontaktformular) als Block und Shortcode, mit eigenem Kontakt-Endpunkt in WordPress.
 * Version:           0.1.0
 * Requires at least: 6.1
 * Requires PHP:      7.4
 * Author:            Lotse contributors
 * License:           GPL-2.0-or-later
 * License URI:       https://www.gnu.org/licenses/gpl-2.0.html
 * Text Domain:       lotse
 *
 * This plugin is free software: you can redistribute it and/or modify it under the terms of
 * the GNU General Public License as published by the Free Software Foundation, either
 * version 2 of the License, or (at your option) any later version. It is distributed in the
 * hope that it will be useful, but WITHOUT ANY WARRANTY; without even the implied warranty of
 * MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE. See the GNU General Public License for
 * more details.
 *
 * The bundled widget files in assets/lotse/ are the Lotse library, MIT licensed (MIT is
 * GPL-compatible).
 *
 * @package Lotse
 */

defined( 'ABSPATH' ) || exit;

define( 'LOTSE_VERSION', '0.1.0' );
define( 'LOTSE_FILE', __FILE__ );
define( 'LOTSE_DIR', plugin_dir_path( __FILE__ ) );

require_once LOTSE_DIR . 'includes/settings.php';
require_once LOTSE_DIR . 'includes/widgets.php';
require_once LOTSE_DIR . 'includes/contact.php';

register_activation_hook( __FILE__, 'lotse_activate' );
register_deactivation_hook( __FILE__, 'lotse_deactivate' );

/** Creates (or updates) the message table and schedules the daily clean-up. */
function lotse_activate() {
	lotse_install_table();
	if ( ! wp_next_scheduled( 'lotse_purge' ) ) {
		wp_schedule_event( time() + HOUR_IN_SECONDS, 'daily', 'lotse_purge' );
	}
}

/** Stops the clean-up schedule; messages and settings stay until the plugin is deleted. */
function lotse_deactivate() {
	wp_clear_scheduled_hook( 'lotse_purge' );
}

/** A later plugin version with a changed table runs dbDelta again without re-activation. */
function lotse_maybe_upgrade() {
	if ( get_option( 'lotse_db_version' ) !== LOTSE_DB_VERSION ) {
		lotse_install_table();
	}
}
add_action( 'plugins_loaded', 'lotse_maybe_upgrade' );
