package dbconn

import (
	"errors"
	"strings"
	"testing"
)

func TestEngineOf(t *testing.T) {
	for loc, want := range map[string]Engine{
		`C:\Users\李娟\AppData\Roaming\duikou\duikou.db`: SQLite,
		"/tmp/office.db":                         SQLite,
		"a=b.db":                                 SQLite, // "a" is no libpq keyword
		"demo.db":                                SQLite,
		"postgres://jingban@192.168.1.10/duikou": Postgres,
		"POSTGRESQL://jingban@db.office.local:5433/duikou?sslmode=require": Postgres,
		"host=192.168.1.10 dbname=duikou user=jingban":                     Postgres,
		"host = /tmp/pg port=55432 dbname='my office'":                     Postgres,
	} {
		if got := EngineOf(loc); got != want {
			t.Errorf("EngineOf(%q) = %s, want %s", loc, got, want)
		}
	}
}

func TestCheckPostgresRefusesPasswords(t *testing.T) {
	for _, loc := range []string{
		"postgres://jingban:s3cret@192.168.1.10/duikou",
		"postgres://jingban@192.168.1.10/duikou?password=s3cret",
		"host=192.168.1.10 dbname=duikou user=jingban password=s3cret",
		"host=192.168.1.10 dbname=duikou user=jingban password='s3 cret'",
	} {
		if err := CheckPostgres(loc); !errors.Is(err, ErrPassword) {
			t.Errorf("CheckPostgres(%q) = %v, want the password refusal", loc, err)
		}
		if d := Display(loc); strings.Contains(d, "s3") {
			t.Errorf("Display(%q) = %q shows the password", loc, d)
		}
	}
	if !strings.Contains(ErrPassword.Error(), "PGPASSWORD") {
		t.Errorf("the refusal should say where the password goes: %s", ErrPassword)
	}
	if err := CheckPostgres("host=192.168.1.10 user=jingban"); err == nil || !strings.Contains(err.Error(), "dbname") {
		t.Errorf("a connection without a database: %v", err)
	}
	if err := CheckPostgres("host=192.168.1.10 dbname='duikou"); err == nil || !strings.Contains(err.Error(), "引号") {
		t.Errorf("an unclosed quote: %v", err)
	}
	if err := CheckPostgres("postgres://jingban@192.168.1.10/duikou?sslmode=require"); err != nil {
		t.Errorf("a good URL: %v", err)
	}
}

func TestDisplay(t *testing.T) {
	for loc, want := range map[string]string{
		"/tmp/office.db": "/tmp/office.db",
		"postgres://jingban@192.168.1.10/duikou?sslmode=require&sslkey=/home/x/key.pem": "postgres://jingban@192.168.1.10/duikou",
		"host=192.168.1.10 port=5433 dbname=duikou user=jingban sslmode=disable":        "postgres://jingban@192.168.1.10:5433/duikou",
		"host=/tmp/pg port=55432 dbname=office user=postgres":                           "postgres://postgres@/office?host=/tmp/pg&port=55432",
		"postgres://jingban:s3cret@db/duikou":                                           "postgres://jingban@db/duikou",
	} {
		if got := Display(loc); got != want {
			t.Errorf("Display(%q) = %q, want %q", loc, got, want)
		}
	}
	if got := Server("dbname=duikou"); got != "localhost:5432" {
		t.Errorf("Server with the defaults = %q", got)
	}
	if got := Server("postgres://u@10.0.0.5:6543/d"); got != "10.0.0.5:6543" {
		t.Errorf("Server = %q", got)
	}
	if got := Server("office.db"); got != "" {
		t.Errorf("Server of a file = %q", got)
	}
	// 设置 gets the Display form back from the Store and describes it.
	shown := Display("host=10.0.0.5 port=6543 dbname=duikou user=jingban sslmode=require")
	if got, want := Describe(shown), "PostgreSQL 服务器 10.0.0.5:6543，数据库 duikou，用户 jingban"; got != want {
		t.Errorf("Describe(%q) = %q, want %q", shown, got, want)
	}
	if got, want := Describe(`D:\对口\office.db`), `本机文件 D:\对口\office.db`; got != want {
		t.Errorf("Describe of a file = %q", got)
	}
}

func TestRedact(t *testing.T) {
	for in, want := range map[string]string{
		`failed to connect to host=db user=u password=s3cret dbname=d`: `failed to connect to host=db user=u password=*** dbname=d`,
		`cannot parse postgres://u:s3cret@db/d: bad port`:              `cannot parse postgres://u:***@db/d: bad port`,
		`nothing secret here`: `nothing secret here`,
	} {
		if got := Redact(in); got != want {
			t.Errorf("Redact(%q) = %q, want %q", in, got, want)
		}
	}
}
