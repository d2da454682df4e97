"""cohorts: partners, staff, cohorts, memberships, invites, login cards; accounts without email

Revision ID: 456bf6f48660
Revises: 448927ba2b4a
Create Date: 2026-11-25 21:39:07.871155

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '456bf6f48660'
down_revision = '448927ba2b4a'
branch_labels = None
depends_on = None


def upgrade():
    # Reviewed: membership rows are history (left_at), never deleted; card PDFs are short-lived (a day).
    op.create_table('partners',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_partners')),
    sa.UniqueConstraint('name', name=op.f('uq_partners_name'))
    )
    op.create_table('cohorts',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('partner_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('province', sa.String(length=2), nullable=False),
    sa.Column('municipality', sa.String(length=120), nullable=False),
    sa.Column('languages', sa.JSON(), nullable=False),
    sa.Column('starts_on', sa.Date(), nullable=False),
    sa.Column('ends_on', sa.Date(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['partner_id'], ['partners.id'], name=op.f('fk_cohorts_partner_id_partners'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_cohorts'))
    )
    with op.batch_alter_table('cohorts', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_cohorts_partner_id'), ['partner_id'], unique=False)

    op.create_table('partner_staff',
    sa.Column('partner_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['partner_id'], ['partners.id'], name=op.f('fk_partner_staff_partner_id_partners'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_partner_staff_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('partner_id', 'user_id', name=op.f('pk_partner_staff'))
    )
    op.create_table('cohort_card_batches',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('token', sa.String(length=43), nullable=False),
    sa.Column('cohort_id', sa.Integer(), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('count', sa.Integer(), nullable=False),
    sa.Column('pdf', sa.LargeBinary(), nullable=False),
    sa.ForeignKeyConstraint(['cohort_id'], ['cohorts.id'], name=op.f('fk_cohort_card_batches_cohort_id_cohorts'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_cohort_card_batches_created_by_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_cohort_card_batches')),
    sa.UniqueConstraint('token', name=op.f('uq_cohort_card_batches_token'))
    )
    with op.batch_alter_table('cohort_card_batches', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_cohort_card_batches_cohort_id'), ['cohort_id'], unique=False)

    op.create_table('cohort_courses',
    sa.Column('cohort_id', sa.Integer(), nullable=False),
    sa.Column('course_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['cohort_id'], ['cohorts.id'], name=op.f('fk_cohort_courses_cohort_id_cohorts'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['course_id'], ['courses.id'], name=op.f('fk_cohort_courses_course_id_courses'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('cohort_id', 'course_id', name=op.f('pk_cohort_courses'))
    )
    op.create_table('cohort_invites',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('cohort_id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=16), nullable=False),
    sa.Column('expires_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('max_uses', sa.Integer(), nullable=True),
    sa.Column('uses', sa.Integer(), nullable=False),
    sa.Column('revoked', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['cohort_id'], ['cohorts.id'], name=op.f('fk_cohort_invites_cohort_id_cohorts'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_cohort_invites')),
    sa.UniqueConstraint('code', name=op.f('uq_cohort_invites_code'))
    )
    with op.batch_alter_table('cohort_invites', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_cohort_invites_cohort_id'), ['cohort_id'], unique=False)

    op.create_table('cohort_memberships',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('cohort_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('joined_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('left_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('via', sa.String(length=10), nullable=False),
    sa.ForeignKeyConstraint(['cohort_id'], ['cohorts.id'], name=op.f('fk_cohort_memberships_cohort_id_cohorts'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_cohort_memberships_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_cohort_memberships'))
    )
    with op.batch_alter_table('cohort_memberships', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_cohort_memberships_cohort_id'), ['cohort_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_cohort_memberships_user_id'), ['user_id'], unique=False)

    op.create_table('cohort_trainers',
    sa.Column('cohort_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['cohort_id'], ['cohorts.id'], name=op.f('fk_cohort_trainers_cohort_id_cohorts'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_cohort_trainers_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('cohort_id', 'user_id', name=op.f('pk_cohort_trainers'))
    )
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.add_column(sa.Column('must_change_password', sa.Boolean(), nullable=False, server_default=sa.false()))
        batch_op.add_column(sa.Column('display_name', sa.String(length=120), nullable=False, server_default=''))



def downgrade():
    # Reviewed: membership rows are history (left_at), never deleted; card PDFs are short-lived (a day).
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.drop_column('display_name')
        batch_op.drop_column('must_change_password')

    op.drop_table('cohort_trainers')
    with op.batch_alter_table('cohort_memberships', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_cohort_memberships_user_id'))
        batch_op.drop_index(batch_op.f('ix_cohort_memberships_cohort_id'))

    op.drop_table('cohort_memberships')
    with op.batch_alter_table('cohort_invites', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_cohort_invites_cohort_id'))

    op.drop_table('cohort_invites')
    op.drop_table('cohort_courses')
    with op.batch_alter_table('cohort_card_batches', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_cohort_card_batches_cohort_id'))

    op.drop_table('cohort_card_batches')
    op.drop_table('partner_staff')
    with op.batch_alter_table('cohorts', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_cohorts_partner_id'))

    op.drop_table('cohorts')
    op.drop_table('partners')
