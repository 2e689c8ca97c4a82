/** The web application: the dashboard's pages and the REST API, one package per feature. */
package dev.marketlens.web;
