// Package dbconn reads what --db names: a SQLite file (the county office's
// own PC) or a PostgreSQL server (an office where several clerks work the
// same records), and renders it for a title bar, a log or the audit log
// without secrets.
//
// A PostgreSQL connection is written as libpq writes it, as a URL
// (postgres://clerk@server:5432/office?sslmode=require) or as key=value
// pairs (host=server dbname=office user=clerk). It may not carry a
// password: the string travels through command lines, shortcuts, the
// log and the title bar, so the password comes only from PGPASSWORD or
// the pgpass file, which the driver reads on its own.
package dbconn

import (
	"errors"
	"fmt"
	"net/url"
	"strings"
)

// Engine is the kind of database a location names.
type Engine string

const (
	SQLite   Engine = "sqlite"
	Postgres Engine = "postgres"
)

// Label is the engine's name as the clerk reads it in 设置.
func (e Engine) Label() string {
	if e == Postgres {
		return "PostgreSQL 服务器"
	}
	return "SQLite 文件（本机）"
}

// EngineOf tells a PostgreSQL connection from a file path. A path is
// anything that is neither a postgres:// URL nor key=value pairs whose
// keys are all libpq's (so a file named "a=b.db" stays a file).
func EngineOf(loc string) Engine {
	s := strings.TrimSpace(loc)
	if hasURLScheme(s) {
		return Postgres
	}
	if pairs, err := parsePairs(s); err == nil && len(pairs) > 0 {
		for k := range pairs {
			if !libpqKeys[k] {
				return SQLite
			}
		}
		return Postgres
	}
	return SQLite
}

// IsPostgres is EngineOf(loc) == Postgres.
func IsPostgres(loc string) bool { return EngineOf(loc) == Postgres }

// ErrPassword is returned for a connection that carries a password.
var ErrPassword = errors.New("连接串中不能写密码：请把密码放在环境变量 PGPASSWORD 或 pgpass 文件（Windows 上为 %APPDATA%\\postgresql\\pgpass.conf）中")

// CheckPostgres refuses a PostgreSQL connection the program should not
// use: one with a password in it, one that cannot be read, or one that
// names no database.
func CheckPostgres(loc string) error {
	c, err := parse(loc)
	if err != nil {
		return err
	}
	if c.password {
		return ErrPassword
	}
	if c.dbname == "" {
		return errors.New("PostgreSQL 连接串中没有指定数据库（dbname），例如 postgres://jingban@192.168.1.10/duikou")
	}
	return nil
}

// Display renders a location for people: a file path as it is; a
// PostgreSQL connection as "postgres://user@host:port/dbname", whatever
// form it was written in, with no password and no other parameters (which
// may hold key file paths or passwords of their own).
func Display(loc string) string {
	if !IsPostgres(loc) {
		return loc
	}
	c, err := parse(loc)
	if err != nil {
		return "postgres://（无法识别的连接串）"
	}
	u := url.URL{Scheme: "postgres", Host: c.host, Path: "/" + c.dbname}
	if c.port != "" {
		u.Host += ":" + c.port
	}
	if c.user != "" {
		u.User = url.User(c.user)
	}
	if strings.HasPrefix(c.host, "/") { // a Unix socket directory
		u.Host = ""
		q := url.Values{"host": {c.host}}
		if c.port != "" {
			q.Set("port", c.port)
		}
		// A socket folder reads better unescaped, and a URL allows it.
		u.RawQuery = strings.ReplaceAll(q.Encode(), "%2F", "/")
	}
	return u.String()
}

// Server is "host:port" of a PostgreSQL connection ("" for a file), for
// 设置 to say which server the office uses.
func Server(loc string) string {
	if !IsPostgres(loc) {
		return ""
	}
	c, err := parse(loc)
	if err != nil {
		return ""
	}
	host, port := c.host, c.port
	if host == "" {
		host = "localhost"
	}
	if port == "" {
		port = "5432"
	}
	return host + ":" + port
}

// Describe says in the clerk's words which database a location is, for
// 设置: "本机文件 PATH", or "PostgreSQL 服务器 HOST:PORT，数据库 DB，
// 用户 USER" (no password, no other parameters).
func Describe(loc string) string {
	if !IsPostgres(loc) {
		return "本机文件 " + loc
	}
	c, err := parse(loc)
	if err != nil {
		return "PostgreSQL 服务器（连接串无法识别）"
	}
	out := "PostgreSQL 服务器 " + Server(loc) + "，数据库 " + c.dbname
	if c.user != "" {
		out += "，用户 " + c.user
	}
	return out
}

// conn is the part of a connection the program looks at.
type conn struct {
	host, port, user, dbname string
	password                 bool
}

func hasURLScheme(s string) bool {
	l := strings.ToLower(s)
	return strings.HasPrefix(l, "postgres://") || strings.HasPrefix(l, "postgresql://")
}

func parse(loc string) (conn, error) {
	s := strings.TrimSpace(loc)
	if hasURLScheme(s) {
		return parseURL(s)
	}
	pairs, err := parsePairs(s)
	if err != nil {
		return conn{}, err
	}
	_, pw := pairs["password"]
	return conn{host: pairs["host"], port: pairs["port"], user: pairs["user"], dbname: pairs["dbname"], password: pw}, nil
}

func parseURL(s string) (conn, error) {
	u, err := url.Parse(s)
	if err != nil {
		return conn{}, fmt.Errorf("PostgreSQL 连接串无法识别：%s", Redact(err.Error()))
	}
	var c conn
	if u.User != nil {
		c.user = u.User.Username()
		_, c.password = u.User.Password()
	}
	c.host, c.port = u.Hostname(), u.Port()
	c.dbname = strings.TrimPrefix(u.Path, "/")
	q := u.Query()
	if _, ok := q["password"]; ok {
		c.password = true
	}
	// libpq lets the query override the address parts.
	for key, dst := range map[string]*string{"host": &c.host, "port": &c.port, "user": &c.user, "dbname": &c.dbname} {
		if v := q.Get(key); v != "" {
			*dst = v
		}
	}
	return c, nil
}

// parsePairs reads libpq's key=value form: pairs separated by spaces,
// spaces around "=" allowed, a value in single quotes may hold spaces,
// and a backslash escapes the next character.
func parsePairs(s string) (map[string]string, error) {
	out := map[string]string{}
	i := 0
	skipSpace := func() {
		for i < len(s) && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r') {
			i++
		}
	}
	for {
		skipSpace()
		if i >= len(s) {
			return out, nil
		}
		start := i
		for i < len(s) && s[i] != '=' && s[i] != ' ' && s[i] != '\t' {
			i++
		}
		key := s[start:i]
		skipSpace()
		if key == "" || i >= len(s) || s[i] != '=' {
			return nil, errors.New("PostgreSQL 连接串应为 key=value 的形式，例如 host=192.168.1.10 dbname=duikou user=jingban")
		}
		i++
		skipSpace()
		var val strings.Builder
		quoted := i < len(s) && s[i] == '\''
		if quoted {
			i++
		}
		for ; i < len(s); i++ {
			ch := s[i]
			if ch == '\\' && i+1 < len(s) {
				i++
				val.WriteByte(s[i])
				continue
			}
			if quoted && ch == '\'' {
				i++
				quoted = false
				break
			}
			if !quoted && (ch == ' ' || ch == '\t') {
				break
			}
			val.WriteByte(ch)
		}
		if quoted {
			return nil, errors.New("PostgreSQL 连接串中的引号没有配对")
		}
		out[strings.ToLower(key)] = val.String()
	}
}

// libpqKeys are the connection keywords libpq and pgx understand.
var libpqKeys = map[string]bool{}

func init() {
	for _, k := range strings.Fields(`host hostaddr port dbname user password passfile
		connect_timeout client_encoding options application_name fallback_application_name
		keepalives keepalives_idle keepalives_interval keepalives_count tcp_user_timeout
		sslmode sslcert sslkey sslpassword sslrootcert sslcrl sslsni sslnegotiation
		requirepeer gssencmode krbsrvname service target_session_attrs load_balance_hosts
		channel_binding replication gsslib require_auth min_read_buffer_size statement_cache_capacity
		default_query_exec_mode pool_max_conns search_path timezone`) {
		libpqKeys[k] = true
	}
}

// Redact removes anything that looks like a password from text that may
// quote a connection (a driver's error message): "password=..." and the
// password part of a URL's user info.
func Redact(text string) string {
	out := text
	for _, key := range []string{"password=", "sslpassword="} {
		for from := 0; ; {
			idx := strings.Index(strings.ToLower(out[from:]), key)
			if idx < 0 {
				break
			}
			start := from + idx + len(key)
			end := start
			for end < len(out) && !strings.ContainsRune(" &'\"\t\n", rune(out[end])) {
				end++
			}
			out = out[:start] + "***" + out[end:]
			from = start + 3
		}
	}
	for _, scheme := range []string{"postgres://", "postgresql://"} {
		for from := 0; ; {
			idx := strings.Index(out[from:], scheme)
			if idx < 0 {
				break
			}
			start := from + idx + len(scheme)
			at := strings.IndexByte(out[start:], '@')
			slash := strings.IndexAny(out[start:], "/ ")
			if at >= 0 && (slash < 0 || at < slash) {
				userinfo := out[start : start+at]
				if colon := strings.IndexByte(userinfo, ':'); colon >= 0 {
					out = out[:start+colon] + ":***" + out[start+at:]
				}
			}
			from = start
		}
	}
	return out
}
