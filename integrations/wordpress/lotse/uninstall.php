<?php
/**
 * Deleting the plugin (not deactivating it) removes its table, settings and schedule.
 *
 * @package Lotse
 * @license GPL-2.0-or-later
 */

defined( 'WP_UNINSTALL_PLUGIN' ) || exit;

global $wpdb;
$lotse_table = $wpdb->prefix . 'lotse_messages';
$wpdb->query( "DROP TABLE IF EXISTS {$lotse_table}" ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- our own table name
delete_option( 'lotse_settings' );
delete_option( 'lotse_db_version' );
wp_clear_scheduled_hook( 'lotse_purge' );
