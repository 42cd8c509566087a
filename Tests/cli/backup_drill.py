"""The restore drill: a backup taken while the server runs, restored elsewhere, holds every row.

SQLite: `zielona backup` of LIVE_DIR while its server serves, `zielona restore` into a new data
directory, then every table's row count compared with the live database's, and the restored
directory used by a command. PostgreSQL (when PG_ADMIN_URL is given): the demo data seeded into
one database, backed up, restored into another, every table's count compared; a second restore
is refused without --replace and accepted with it.

Needs: ZIELONA_BIN, LIVE_DIR (a data directory whose server is running), WORK (a scratch
directory); PG_ADMIN_URL (postgres://…/postgres) for the PostgreSQL half."""
import os
import shutil
import sqlite3
import subprocess
import sys
import urllib.parse

BIN, WORK = os.environ["ZIELONA_BIN"], os.environ["WORK"]


def zielona(args, cwd, env=None, ok=True):
    res = subprocess.run([BIN] + args, cwd=cwd, capture_output=True, text=True, env={**os.environ, **(env or {})})
    if ok and res.returncode != 0:
        sys.exit(f"FAIL: zielona {' '.join(args)} exited {res.returncode}: {res.stderr[-2000:]}")
    return res


def sqlite_counts(path):
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    tables = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")]
    counts = {t: db.execute(f'SELECT COUNT(*) FROM "{t}"').fetchone()[0] for t in tables}
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok", f"{path} is damaged"
    db.close()
    return counts


def sqlite_drill():
    live_dir = os.environ["LIVE_DIR"]
    backup = os.path.join(WORK, "drill-backup.sqlite")
    zielona(["backup", "--out", backup], cwd=live_dir)
    again = zielona(["backup", "--out", backup], cwd=live_dir, ok=False)
    assert again.returncode != 0 and "never overwrites" in again.stderr, again.stderr
    restored = os.path.join(WORK, "drill-restored")
    os.makedirs(os.path.join(restored, "data"))
    shutil.copy(os.path.join(live_dir, "data", "data-key"), os.path.join(restored, "data", "data-key"))
    zielona(["restore", "--from", backup], cwd=restored)
    live = sqlite_counts(os.path.join(live_dir, "data", "zielona.sqlite"))
    back = sqlite_counts(os.path.join(restored, "data", "zielona.sqlite"))
    # The live server may have written since (its outbox, sessions): the tables that only
    # grow by people's actions must match, and nothing may be missing.
    assert set(live) == set(back), set(live) ^ set(back)
    for table in ["accounts", "staff_members", "clients", "offers", "cvs", "cc_interactions", "audit_log", "forum_posts", "kb_entries"]:
        assert live[table] == back[table], f"{table}: live {live[table]}, restored {back[table]}"
    assert back["accounts"] > 0 and back["offers"] > 0
    # The restored directory works: a command reads its staff.
    token = zielona(["staff", "token", "--email", "kierownik.bialystok@example.org", "--name", "drill"], cwd=restored)
    assert token.stdout.strip(), "no token from the restored database"
    refused = zielona(["restore", "--from", backup], cwd=restored, ok=False)
    assert refused.returncode != 0 and "--replace" in refused.stderr, refused.stderr
    zielona(["restore", "--from", backup, "--replace"], cwd=restored)
    assert any(n.startswith("zielona.sqlite.before-restore-") for n in os.listdir(os.path.join(restored, "data")))
    broken = os.path.join(WORK, "drill-broken.sqlite")
    with open(backup, "rb") as src, open(broken, "wb") as dst:
        dst.write(src.read()[: 64 * 1024])
    res = zielona(["restore", "--from", broken, "--replace"], cwd=restored, ok=False)
    assert res.returncode != 0, "a truncated backup was restored"
    assert sqlite_counts(os.path.join(restored, "data", "zielona.sqlite"))["accounts"] == back["accounts"]
    print(f"ok: SQLite backup while serving and restore: {len(back)} tables, {back['accounts']} accounts, {back['audit_log']} audit rows; a truncated file refused")


def pg_url(admin, name):
    p = urllib.parse.urlsplit(admin)
    return urllib.parse.urlunsplit(p._replace(path="/" + name))


def pg_counts(url):
    query = """SELECT string_agg(table_name || '=' || (xpath('/row/n/text()', query_to_xml('SELECT COUNT(*) AS n FROM ' || quote_ident(table_name), false, true, '')))[1]::text, ',' ORDER BY table_name)
               FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'"""
    out = subprocess.run(["psql", url.split("?")[0], "-Atc", query], capture_output=True, text=True, check=True).stdout.strip()
    return dict(pair.split("=") for pair in out.split(","))


def postgres_drill(admin):
    for name in ["zielona_drill_a", "zielona_drill_b"]:
        subprocess.run(["psql", admin.split("?")[0], "-qc", f"DROP DATABASE IF EXISTS {name}", "-c", f"CREATE DATABASE {name}"], check=True, capture_output=True)
    a, b = pg_url(admin, "zielona_drill_a"), pg_url(admin, "zielona_drill_b")
    home = os.path.join(WORK, "drill-pg"); os.makedirs(home, exist_ok=True)
    zielona(["seed", "--demo", "--offers", "200", "--seekers", "30"], cwd=home, env={"DATABASE_URL": a})
    dump = os.path.join(WORK, "drill.dump")
    zielona(["backup", "--out", dump], cwd=home, env={"DATABASE_URL": a})
    zielona(["restore", "--from", dump], cwd=home, env={"DATABASE_URL": b})
    before, after = pg_counts(a), pg_counts(b)
    assert before == after, {t: (before.get(t), after.get(t)) for t in set(before) | set(after) if before.get(t) != after.get(t)}
    refused = zielona(["restore", "--from", dump], cwd=home, env={"DATABASE_URL": b}, ok=False)
    assert refused.returncode != 0 and "--replace" in refused.stderr, refused.stderr
    zielona(["restore", "--from", dump, "--replace"], cwd=home, env={"DATABASE_URL": b})
    assert pg_counts(b) == before
    print(f"ok: PostgreSQL backup (pg_dump) and restore: {len(after)} tables equal, {after['accounts']} accounts, {after['offers']} offers")


sqlite_drill()
if os.environ.get("PG_ADMIN_URL"):
    postgres_drill(os.environ["PG_ADMIN_URL"])
